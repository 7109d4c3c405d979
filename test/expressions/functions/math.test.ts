import { describe, expect, it } from 'vitest';
import { errorOf, run } from './helpers';

describe('math functions', () => {
  it.each([
    ['add(1, 1.5)', 2.5],
    ['sub(10.3, 0.3)', 10],
    ['mul(1, 2)', 2],
    ['mul(1.5, 2)', 3],
    ['div(10, 5)', 2],
    ['div(11, 5)', 2],
    ['div(-11, 5)', -2],
    ['div(11, 5.5)', 2],
    ['div(11, 4.4)', 2.5],
    ['mod(3, 2)', 1],
    ['mod(-5, 2)', -1],
    ['mod(4, -3)', 1],
    ['max(1, 2, 3)', 3],
    ['max(createArray(1, 2, 3))', 3],
    ['min(1, 2, 3)', 1],
    ['min(createArray(1, 2, 3))', 1],
    ['range(1, 4)', [1, 2, 3, 4]],
    ['range(-2, 0)', []],
  ])('%s is %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  // Known difference from Logic Apps: values are plain JSON numbers, so a whole float such as `5.0`
  // (literal, or from json('5.0') / a payload) arrives as the integer 5. Logic Apps gives
  // div(5.0, 2) = 2.5; Flowline gives 2, as div(5, 2). float(x) and mul(x, 1.0) do not help
  // either, since their results are plain numbers too.
  it('treats a whole float like an integer because JSON numbers keep no float flag', () => {
    expect(run('div(5.0, 2)')).toBe(2);
    expect(run("div(json('5.0'), 2)")).toBe(2);
    expect(run('div(5.5, 2)')).toBe(2.75);
  });

  it('rand stays within [min, max) and follows the context random source', () => {
    const values = Array.from({ length: 50 }, (_, seed) => run('rand(1, 10)', { seed }));
    expect(values.every((v) => typeof v === 'number' && Number.isInteger(v) && v >= 1 && v < 10)).toBe(true);
    expect(new Set(values).size).toBeGreaterThan(5);
    expect(run('rand(1, 10)', { seed: 7 })).toBe(run('rand(1, 10)', { seed: 7 }));
  });

  it.each([
    ['div(1, 0)', /cannot divide by zero/],
    ['mod(1, 0)', /cannot divide by zero/],
    ["add('1', 2)", /expects its first parameter to be an integer or a decimal number/],
    ["max(json('[]'))", /needs at least one number/],
    ['range(1, 1000000)', /count between 0 and 100000/],
    ['rand(5, 5)', /max \(5\) greater than min \(5\)/],
  ])('%s fails clearly', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
});
