import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { allFunctions } from '../../src/expressions/functions/index';

describe('the expression docs', () => {
  const docs = readFileSync(resolve(__dirname, '../../docs/expressions.md'), 'utf8');

  it('list every function of the library in the function table', () => {
    const listed = new Set([...docs.matchAll(/^\| `(\w+)`\s+\|/gm)].map((m) => m[1]));
    const missing = allFunctions.filter((f) => !listed.has(f.name)).map((f) => f.name);
    expect(missing).toEqual([]);
  });
});
