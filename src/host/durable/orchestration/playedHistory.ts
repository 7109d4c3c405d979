/**
 * The played part of the orchestrator trigger payload's `history`: the JSON text of every past event
 * with `IsPlayed: true`, comma-separated, without brackets.
 *
 * Every episode ships the whole history to the orchestrator, so serializing it from scratch makes a
 * run of n steps cost n² in JSON.stringify alone (the benchmark's profile of a 1,000-step chain showed
 * it). The past only grows by appending and its events are never mutated once appended (both stores
 * hand out the same event objects while an instance runs), so the text of the part already seen is
 * kept and only new events are serialized. The cache is keyed by the first event object: a reset
 * history (continue-as-new, a restarted instance, a store that copies) starts from new objects and
 * simply misses, and an entry goes away with the instance's events.
 */
import type { HistoryEvent } from '../history';

interface Serialized {
  readonly count: number;
  readonly last: HistoryEvent;
  readonly text: string;
}

const byFirstEvent = new WeakMap<HistoryEvent, Serialized>();

const played = (events: readonly HistoryEvent[]): string =>
  events.map((e) => JSON.stringify({ ...e, IsPlayed: true })).join(',');

export function playedHistoryJson(past: readonly HistoryEvent[]): string {
  const first = past[0];
  const last = past[past.length - 1];
  if (first === undefined || last === undefined) return '';
  const known = byFirstEvent.get(first);
  // Reuse only if the events seen last time are still the prefix: same count reached, same last object.
  const reusable = known !== undefined && known.count <= past.length && past[known.count - 1] === known.last;
  const from = reusable ? known.count : 0;
  const added = played(past.slice(from));
  const text = !reusable ? added : added === '' ? known.text : `${known.text},${added}`;
  byFirstEvent.set(first, { count: past.length, last, text });
  return text;
}
