/**
 * Expressions built to explode (text multiplied by nested joins and replaces, quadratic set
 * operations, digit counts past what Intl can print) fail fast with a clear ExpressionError.
 * Each named case failed before its fix: out of memory, minutes of CPU, or a raw RangeError/URIError.
 */
import { describe, expect, it } from 'vitest';
import { MAX_EVALUATION_TEXT, MAX_TEXT_LENGTH } from '../../src/expressions/limits';
import { evaluateTimed, isExpressionError } from './support/expression-run';
import { describeError } from './support/property';

const big = "join(range(0, 100000), join(range(0, 100000), 'x'))";
const mb = "join(range(0, 5000), join(range(0, 1000), 'xx'))"; // about 15 million characters

describe('limits on what an expression may produce', () => {
  it.each([
    ['a join whose delimiter is a join', `@length(${big})`, /would produce \d+ characters; the limit is/],
    ['three nested joins', `@length(join(range(0, 100000), ${big}))`, /the limit is/],
    [
      'a replace that multiplies its text',
      "@length(replace(join(range(0, 100000), 'a'), 'a', join(range(0, 100000), 'bb')))",
      /would produce \d+ characters/,
    ],
    [
      'many large parts in one interpolation',
      `@{${mb}}@{${mb}}@{${mb}}@{${mb}}@{${mb}}@{${mb}}`,
      /more than \d+ characters of text in total/,
    ],
    ['many large arguments to concat', `@length(concat(${Array(6).fill(mb).join(', ')}))`, /in total/],
  ])('%s fails with a limit error, not out of memory', (_label, text, message) => {
    const outcome = evaluateTimed(text);
    expect(isExpressionError(outcome.error), describeError(outcome.error)).toBe(true);
    expect(describeError(outcome.error)).toMatch(message);
    expect(outcome.ms).toBeLessThan(3000);
  });

  it('states limits that sit well above everyday values', () => {
    expect(MAX_TEXT_LENGTH).toBe(32 * 1024 * 1024);
    expect(MAX_EVALUATION_TEXT).toBe(64 * 1024 * 1024);
    expect(evaluateTimed(`@length(${mb})`).value).toBeGreaterThan(10_000_000);
  });

  it.each([
    ['union of 100,000 items', '@length(union(range(0, 100000), range(50000, 100000)))', 150000],
    ['intersection of 100,000 items', '@length(intersection(range(0, 100000), range(50000, 100000)))', 50000],
  ])('%s runs in linear time', (_label, text, expected) => {
    const outcome = evaluateTimed(text);
    expect(outcome.value).toBe(expected);
    expect(outcome.ms).toBeLessThan(500);
  });

  it('set operations still treat equal objects with different key order as one item', () => {
    const outcome = evaluateTimed(`@union(json('[{"a":1,"b":2}]'), json('[{"b":2,"a":1},{"a":1}]'))`);
    expect(outcome.value).toEqual([{ a: 1, b: 2 }, { a: 1 }]);
  });

  it.each([
    ["formatNumber(1, 'P50')", /asks for more digits than can be printed/],
    ["formatNumber(1, 'N99')", /asks for more digits than can be printed/],
    [`formatNumber(1, '${'0'.repeat(30)}')`, /asks for more digits than can be printed/],
  ])('%s is an invalid-argument error, not a RangeError', (text, message) => {
    const outcome = evaluateTimed(`@${text}`);
    expect(isExpressionError(outcome.error), describeError(outcome.error)).toBe(true);
    expect(describeError(outcome.error)).toMatch(message);
  });

  it.each([
    ['uriComponent', "@uriComponent(triggerBody()?['s'])", '%EF%BF%BDa'],
    ['encodeUriComponent', "@encodeUriComponent(triggerBody()?['s'], 'b')", '%EF%BF%BDab'],
  ])('%s encodes a lone surrogate as U+FFFD instead of throwing a URIError', (_label, text, expected) => {
    const outcome = evaluateTimed(text, { trigger: { outputs: { body: { s: '\uD800a' } } } });
    expect(outcome.error).toBeUndefined();
    expect(outcome.value).toBe(expected);
  });

  it('formatDateTime with a format of 30,000 quote characters answers in linear time', () => {
    const data = { trigger: { outputs: { body: { s: "'".repeat(30_000) } } } };
    const outcome = evaluateTimed("@formatDateTime('2024-01-01', triggerBody()?['s'])", data);
    expect(outcome.value).toBe(''); // 15,000 empty quoted texts
    expect(outcome.ms).toBeLessThan(50);
  });

  it('json() refuses text nested more than 256 levels (the deep value broke run views downstream)', () => {
    const data = { trigger: { outputs: { body: { s: `${'['.repeat(30_000)}${']'.repeat(30_000)}` } } } };
    const outcome = evaluateTimed("@json(triggerBody()?['s'])", data);
    expect(describeError(outcome.error)).toMatch(/the JSON is nested more than 256 levels deep/);
    const shallow = { trigger: { outputs: { body: { s: `${'['.repeat(256)}${']'.repeat(256)}` } } } };
    expect(evaluateTimed("@length(json(triggerBody()?['s']))", shallow).value).toBe(1);
  });

  it('xpath refuses a path longer than 8,192 characters from the data', () => {
    const data = { trigger: { outputs: { body: { s: `//a${'[1]'.repeat(3000)}` } } } };
    const outcome = evaluateTimed("@xpath(xml('<r><a>1</a></r>'), triggerBody()?['s'])", data);
    expect(describeError(outcome.error)).toMatch(
      /the XPath expression is 9003 characters long; the limit is 8192/,
    );
  });
});
