/**
 * Partition run ids are derived from the parent's run id, the loop's place in the definition (its
 * enclosing loop positions and name) and the partition's index, so the parent, a replay of its
 * history and the run API all name the same child without storing anything. Durable instance ids
 * may not contain `/`, `\`, `#` or `?`, so the place is hashed and the loop name kept readable.
 */
export function partitionRunId(runId: string, path: string, loop: string, index: number): string {
  const place = path === '' ? loop : `${path}/${loop}`;
  const slug = loop.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, 24);
  return `${runId}~${slug}~${fnv(place)}~p${index}`;
}

function fnv(text: string): string {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return (h >>> 0).toString(16).padStart(8, '0');
}
