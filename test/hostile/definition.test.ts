/**
 * The definition loader on random JSON and on mutations of every workflow in workflows/: it always
 * answers with diagnostics that carry a JSON pointer and a message, never throws, never hangs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type LoadResult, loadWorkflow } from '../../src/definition/loader';
import { prototypePollution } from './support/plain-data';
import { applyMutation, deepText, mutation, paths } from './support/json-mutations';
import { bounded, describeError, timedWithin } from './support/property';

const WORKFLOWS = join(__dirname, '../../workflows');
const FILES = readdirSync(WORKFLOWS)
  .filter((f) => f.endsWith('.json') && !f.endsWith('.test.json') && f !== 'parameters.json')
  .map((f) => ({ name: f, value: JSON.parse(readFileSync(join(WORKFLOWS, f), 'utf8')) as unknown }));

/** A 4 MB file with every check is the worst case; typical files take a few milliseconds. */
const BUDGET_MS = 1500;

function checkLoad(text: string, label: string): LoadResult {
  const outcome = timedWithin(BUDGET_MS, () => loadWorkflow(text, label));
  if (outcome.error !== undefined || outcome.value === undefined)
    throw new Error(`${label}: the loader threw ${describeError(outcome.error)}`);
  if (outcome.ms > BUDGET_MS) throw new Error(`${label}: the loader took ${outcome.ms.toFixed(0)} ms`);
  for (const d of [...outcome.value.errors, ...outcome.value.warnings]) {
    if (typeof d.pointer !== 'string' || (d.pointer !== '' && !d.pointer.startsWith('/')))
      throw new Error(`${label}: diagnostic without a JSON pointer: ${JSON.stringify(d)}`);
    if (typeof d.message !== 'string' || d.message.trim() === '')
      throw new Error(`${label}: diagnostic without a message: ${JSON.stringify(d)}`);
  }
  if (outcome.value.definition === undefined && outcome.value.errors.length === 0)
    throw new Error(`${label}: no definition and no error`);
  const polluted = prototypePollution();
  if (polluted.length > 0) throw new Error(`${label}: polluted Object.prototype with ${polluted.join(', ')}`);
  return outcome.value;
}

describe('the definition loader on hostile files', () => {
  it('every workflow in workflows/ loads without errors (the mutations start from valid files)', () => {
    expect(FILES.length).toBeGreaterThan(5);
    for (const file of FILES) expect(checkLoad(JSON.stringify(file.value), file.name).errors).toEqual([]);
  });

  it('random JSON values are refused with pointed diagnostics', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        (value) => void checkLoad(JSON.stringify(value), 'random.json'),
      ),
      bounded(400, 4000),
    );
  });

  it('random text is refused as invalid JSON with a position', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => void checkLoad(text, 'text.json')),
      bounded(400, 2000),
    );
  });

  it('mutations of every workflow give diagnostics, never an exception', () => {
    const cases = fc
      .constantFrom(...FILES)
      .chain((file) =>
        fc.tuple(
          fc.constant(file),
          fc.constantFrom(...paths(file.value)),
          fc.array(mutation, { minLength: 1, maxLength: 3 }),
        ),
      );
    fc.assert(
      fc.property(cases, ([file, path, mutations]) => {
        const mutated = mutations.reduce((doc, m) => applyMutation(doc, path, m), file.value);
        checkLoad(JSON.stringify(mutated), `${file.name} at /${path.join('/')}`);
      }),
      bounded(400, 8000),
    );
  });

  it.each([
    [
      '__proto__',
      '{"definition":{"triggers":{},"actions":{"A":{"type":"Compose","inputs":1,"__proto__":{"polluted":1}}}}}',
      '/definition/actions/A/__proto__',
    ],
    [
      'constructor',
      '{"definition":{"constructor":{"prototype":{"polluted":1}},"triggers":{},"actions":{}}}',
      '/definition/constructor',
    ],
    [
      'prototype',
      '{"definition":{"triggers":{},"actions":{},"outputs":{"prototype":{"type":"String","value":"x"}}}}',
      '/definition/outputs/prototype',
    ],
  ])('a %s key is refused with its pointer', (_key, text, pointer) => {
    const result = checkLoad(text, 'unsafe.json');
    expect(result.errors.map((e) => e.pointer)).toEqual([pointer]);
  });

  it.each([
    ['arrays 257 levels', true, 257],
    ['objects 100,000 levels', false, 100_000],
    ['arrays 1,000,000 levels', true, 1_000_000],
  ])('%s deep get an error with a pointer, not a stack overflow', (_label, asArray, depth) => {
    const text = `{"definition":{"triggers":{},"actions":{"A":{"type":"Compose","inputs":${deepText(depth, asArray)}}}}}`;
    const result = checkLoad(text, 'deep.json');
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]?.message).toBe('The JSON is nested more than 256 levels deep.');
    expect(result.errors[0]?.pointer).toMatch(
      asArray ? /^\/definition\/actions\/A\/inputs(\/0){250}/ : /^\/definition\/actions\/A\/inputs(\/a){250}/,
    );
  });
});
