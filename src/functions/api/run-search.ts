/**
 * `GET …/runs?search=<text>`: finds runs by run id or by tracked property. A run matches when its id
 * contains the text, or when one of its tracked properties, written `name=value`
 * (`order.region=eu` for nested ones), contains it; case does not matter. Tracked properties live in
 * the action tree, which is derived from each run's history, so only the newest `SEARCH_DEPTH` runs
 * of the filtered list are searched (the reply says how many). Tracked properties of actions with
 * `secureData` are never searched, as they may be computed from secure values.
 */
import type { ActionRecord } from '../../engine/run-types';
import { trackedEntries, walkActions } from '../../telemetry/walk';
import type { RunSummary } from './run-view';

export const SEARCH_DEPTH = 200;

export interface SearchResult {
  readonly value: (RunSummary & { readonly tracked?: readonly string[] })[];
  /** How many runs were looked at (the newest of the filtered list). */
  readonly searched: number;
}

export async function searchRuns(
  runs: readonly RunSummary[],
  text: string,
  actionsOf: (runId: string) => Promise<readonly ActionRecord[]>,
): Promise<SearchResult> {
  const needle = text.trim().toLowerCase();
  const candidates = runs.slice(0, SEARCH_DEPTH);
  const value: SearchResult['value'][number][] = [];
  for (const run of candidates) {
    if (run.id.toLowerCase().includes(needle)) {
      value.push(run);
      continue;
    }
    const hits = trackedPairs(await actionsOf(run.id)).filter((pair) => pair.toLowerCase().includes(needle));
    if (hits.length > 0) value.push({ ...run, tracked: hits });
  }
  return { value, searched: candidates.length };
}

/** Every tracked property of the run's actions (loops and scopes included) as `name=value`. */
export function trackedPairs(actions: readonly ActionRecord[]): string[] {
  const pairs = new Set<string>();
  walkActions(actions, (record) => {
    if (record.secureInputs === true || record.secureOutputs === true) return;
    if (record.trackedProperties === undefined) return;
    for (const [name, value] of trackedEntries(record.trackedProperties))
      pairs.add(`${name}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  });
  return [...pairs];
}
