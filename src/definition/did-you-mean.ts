import { suggest } from '../expressions/suggest';

/**
 * The likely intended name: the closest by edit distance, else the only candidate that starts
 * with (or contains) what was written, so `Parse` suggests `Parse_JSON`.
 */
export function didYouMean(name: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates];
  const near = suggest(name, list);
  if (near !== undefined || name.length < 3) return near;
  const lower = name.toLowerCase();
  const prefixed = list.filter((c) => c.toLowerCase().startsWith(lower));
  if (prefixed.length === 1) return prefixed[0];
  const containing = list.filter((c) => c.toLowerCase().includes(lower));
  return containing.length === 1 ? containing[0] : undefined;
}
