/** Generated JSON is committed under infra/apim, so it must already be in the repository's Prettier style. */
import { resolve } from 'node:path';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';
import { Catalog } from '../../../src/functions/workflows/catalog';
import { formatJson } from '../../../src/gateway/apim/json';
import { artifacts, VARIANTS } from './artifacts';

const ROOT = resolve(__dirname, '../../..');

async function prettierJson(text: string): Promise<string> {
  const config = await prettier.resolveConfig(resolve(ROOT, 'infra/apim/openapi.json'));
  return prettier.format(text, { ...config, parser: 'json' });
}

describe('generated JSON', () => {
  it.each([
    ['scalars', { a: 1, b: 'x', c: true, d: null }],
    ['empty containers', { a: [], b: {} }],
    ['a short array of strings on one line', { required: ['sku', 'quantity'] }],
    [
      'a long array of strings one item per line',
      { enum: Array.from({ length: 12 }, (_, i) => `value-${i}`) },
    ],
    ['an array that fits only without its trailing comma', { k: ['x'.repeat(99)], z: 1 }],
    ['arrays of objects', { items: [{ a: 1 }, { b: [1, 2] }], e: [{}, {}] }],
    [
      'arrays of arrays',
      {
        one: [[1], [2]],
        several: [
          [1, 2],
          [3, 4],
        ],
        mixed: [[1, 2], 3],
      },
    ],
    ['text that needs escaping', { s: 'quote " backslash \\ newline \n tab \t é' }],
  ])('prints %s as Prettier does', async (_case, value) => {
    const text = formatJson(value);
    expect(JSON.parse(text)).toEqual(value);
    expect(text).toBe(await prettierJson(text));
  });

  it.each(['fixtures', 'the repository workflows'])('from %s is unchanged by Prettier', async (source) => {
    const entries = source === 'fixtures' ? undefined : await new Catalog(resolve(ROOT, 'workflows')).list();
    const files = await artifacts(VARIANTS['validate-azure-ad-token with named values']!, entries);
    for (const file of files.filter((f) => f.path.endsWith('.json'))) {
      expect({ path: file.path, text: await prettierJson(file.content) }).toEqual({
        path: file.path,
        text: file.content,
      });
    }
  });
});
