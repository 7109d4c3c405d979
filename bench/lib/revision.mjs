// Which code was measured: the commit, and whether src/ had uncommitted changes at the time.
import { spawnSync } from 'node:child_process';

export function describeRevision(root) {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return 'code outside git';
  const dirty = git('status', '--porcelain', '--', 'src').stdout.trim().split('\n').filter(Boolean).length;
  return `commit ${head.stdout.trim()}${dirty > 0 ? ` plus ${dirty} uncommitted file(s) in src/` : ''}`;
}
