// Resident memory of another process, read from /proc/<pid>/status (Linux only).
import { readFileSync, writeFileSync } from 'node:fs';
/* global setInterval, clearInterval */

/** { rss, hwm } in MiB: current resident set and its high-water mark since the process started. */
export function readMemory(pid) {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const field = (name) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? NaN) / 1024;
  return { rss: field('VmRSS'), hwm: field('VmHWM') };
}

/** Samples `pid`'s RSS every `everyMs`; stop() returns [{ atMs, rss }] and the peak (VmHWM). */
export function sampleMemory(pid, everyMs) {
  const start = Date.now();
  const samples = [];
  const take = () => samples.push({ atMs: Date.now() - start, rss: readMemory(pid).rss });
  take();
  const timer = setInterval(take, everyMs);
  return {
    stop() {
      clearInterval(timer);
      take();
      return { samples, hwm: readMemory(pid).hwm };
    },
  };
}

/**
 * Resets the kernel's peak-RSS mark (VmHWM) of `pid` by writing 5 to /proc/<pid>/clear_refs, so that a
 * later readMemory(pid).hwm is the peak of what happened in between. False if the kernel refused.
 */
export function resetPeak(pid) {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, '5');
    return true;
  } catch {
    return false;
  }
}
