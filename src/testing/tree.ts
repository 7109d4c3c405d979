/** A run as text: one line per action with a status icon and duration, loops per iteration. */
import type { ActionRecord } from '../engine/run-types';
import type { TestRun } from './run';

const ICONS: Readonly<Record<string, string>> = {
  Succeeded: '✓',
  Failed: '✗',
  TimedOut: '⏱',
  Skipped: '○',
  Cancelled: '⊘',
  Running: '…',
  Waiting: '…',
};

export function formatTree(run: TestRun, options: { readonly outputs?: boolean }): string {
  const lines = [
    `${ICONS[run.status] ?? '?'} run ${run.runId}: ${run.status}${run.error ? ` (${run.error.code}: ${run.error.message})` : ''}`,
  ];
  const walk = (records: readonly ActionRecord[], indent: string): void => {
    for (const r of records) {
      const ms = r.startTime && r.endTime ? Date.parse(r.endTime) - Date.parse(r.startTime) : undefined;
      const detail = [
        ms === undefined || ms === 0 ? '' : ` ${ms} ms`,
        r.retryHistory?.length
          ? ` ${r.retryHistory.length} retr${r.retryHistory.length === 1 ? 'y' : 'ies'}`
          : '',
        r.code && r.status !== 'Succeeded' && r.status !== 'Skipped' ? ` ${r.code}` : '',
      ].join('');
      lines.push(`${indent}${ICONS[r.status] ?? '?'} ${r.name} [${r.type}]${detail}`);
      if (options.outputs && r.outputs !== undefined)
        lines.push(`${indent}    outputs: ${JSON.stringify(r.outputs)}`);
      if (r.status === 'Failed' && r.error !== undefined && !r.children && !r.iterations)
        lines.push(`${indent}    error: ${JSON.stringify(r.error)}`);
      walk(r.children ?? [], `${indent}  `);
      (r.iterations ?? []).forEach((list, i) => {
        lines.push(`${indent}  #${i}`);
        walk(list, `${indent}    `);
      });
    }
  };
  walk(run.actions, '  ');
  return lines.join('\n');
}
