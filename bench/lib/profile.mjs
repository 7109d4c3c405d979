// Reads a V8 .cpuprofile (node --cpu-prof) and ranks functions by self time: the share of samples in
// which the function itself, not something it called, was on top of the stack. Idle samples are
// left out, so the shares are of the time the host was busy.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(import.meta.url), '../../..');

/** A short location: the path inside the project (dist/..., node_modules/...) or node:... */
function where(url, line) {
  if (!url) return '(native)';
  let path = url.replace(/^file:\/\//, '');
  if (path.startsWith(root)) path = path.slice(root.length + 1);
  const modules = path.lastIndexOf('node_modules/');
  if (modules > 0) path = path.slice(modules);
  return `${path}:${line + 1}`;
}

/** Top `count` functions by self time: [{ location, name, percent }], plus the busy time in ms. */
export function topSelfTime(profilePath, count = 15) {
  const profile = JSON.parse(readFileSync(profilePath, 'utf8'));
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map();
  let busy = 0;
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id).callFrame;
    if (frame.functionName === '(idle)') return;
    // timeDeltas[i] is the time since the previous sample; it is charged to this sample's function.
    const dt = profile.timeDeltas[i] ?? 0;
    const key = `${where(frame.url, frame.lineNumber)}\t${frame.functionName || '(anonymous)'}`;
    totals.set(key, (totals.get(key) ?? 0) + dt);
    busy += dt;
  });
  const top = [...totals.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, us]) => {
      const [location, name] = key.split('\t');
      return { location, name, percent: (100 * us) / busy };
    });
  return { top, busyMs: busy / 1000 };
}

/** The one .cpuprofile file Node wrote into `dir`. */
export function profileIn(dir) {
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  if (!file) throw new Error(`no .cpuprofile in ${dir}`);
  return join(dir, file);
}
