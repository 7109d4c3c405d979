/**
 * A small glob matcher for package.json `main` (`*`, `**`, `?`, `{a,b}`, `[abc]`), enough for the
 * patterns Functions apps use (`dist/src/functions/*.js`, `dist/**\/*.js`). Node 20's `fs.glob` is
 * not available (it arrived in Node 22), and globby would be a large dependency for this.
 * Like globby's defaults, dot folders and `node_modules` are not descended into unless named.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const MAGIC = /[*?[\]{}]/;

export function hasMagic(pattern: string): boolean {
  return MAGIC.test(pattern);
}

/** Relative paths (with `/`) under `cwd` that match `pattern`, sorted. */
export function globFiles(pattern: string, cwd: string): string[] {
  const normalized = pattern.replace(/\\/g, '/').replace(/^\.\//, '');
  const segments = normalized.split('/');
  const firstMagic = segments.findIndex((s) => hasMagic(s));
  if (firstMagic < 0) return isFile(join(cwd, normalized)) ? [normalized] : [];
  const base = segments.slice(0, firstMagic).join('/');
  const matcher = globToRegExp(normalized);
  const found: string[] = [];
  walk(join(cwd, base), base, (relative) => {
    if (matcher.test(relative)) found.push(relative);
  });
  return found.sort();
}

export function globToRegExp(pattern: string): RegExp {
  let source = '';
  let inGroup = 0;
  for (let i = 0; i < pattern.length; i += 1) {
    const char = pattern.charAt(i);
    if (char === '*') {
      if (pattern.charAt(i + 1) === '*') {
        const slashAfter = pattern.charAt(i + 2) === '/';
        source += slashAfter ? '(?:.*/)?' : '.*';
        i += slashAfter ? 2 : 1;
      } else {
        source += '[^/]*';
      }
    } else if (char === '?') source += '[^/]';
    else if (char === '{') {
      inGroup += 1;
      source += '(?:';
    } else if (char === '}' && inGroup > 0) {
      inGroup -= 1;
      source += ')';
    } else if (char === ',' && inGroup > 0) source += '|';
    else if (char === '[') {
      const close = pattern.indexOf(']', i + 1);
      if (close < 0) source += '\\[';
      else {
        source += `[${pattern
          .slice(i + 1, close)
          .replace(/^!/, '^')
          .replace(/\\/g, '\\\\')}]`;
        i = close;
      }
    } else source += char.replace(/[.+^$()|\\\]]/g, '\\$&');
  }
  return new RegExp(`^${source}$`);
}

function walk(dir: string, relative: string, visit: (relative: string) => void): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    const childRelative = relative ? `${relative}/${entry.name}` : entry.name;
    if (entry.isDirectory()) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      walk(join(dir, entry.name), childRelative, visit);
    } else if (entry.isFile()) visit(childRelative);
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
