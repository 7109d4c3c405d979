import { describe, expect, it } from 'vitest';
import { errorOf, run } from './helpers';

describe('collection functions', () => {
  it.each([
    ["contains('hello world', 'world')", true],
    ["contains('hello world', 'universe')", false],
    ["contains(createArray('a', 'b'), 'b')", true],
    ["contains(json('{\"k\": 1}'), 'k')", true],
    ['contains(createArray(json(\'{"a": 1}\')), json(\'{"a": 1}\'))', true],
    ["empty('')", true],
    ["empty('abc')", false],
    ["empty(json('[]'))", true],
    ["empty(json('{}'))", true],
    ['empty(null)', true],
    ["first('hello')", 'h'],
    ['first(createArray(0, 1, 2))', 0],
    ["first(json('[]'))", null],
    ["last('abcd')", 'd'],
    ['last(createArray(0, 1, 2, 3))', 3],
    ["length('abcd')", 4],
    ['length(createArray(0, 1, 2, 3))', 4],
    ["join(createArray('a', 'b', 'c'), '.')", 'a.b.c'],
    ["join(createArray(1, true, null), ',')", '1,True,'],
    ['reverse(createArray(0, 1, 2, 3))', [3, 2, 1, 0]],
    ['skip(createArray(0, 1, 2, 3), 1)', [1, 2, 3]],
    ['take(createArray(0, 1, 2, 3, 4), 3)', [0, 1, 2]],
    ["take('abcde', 3)", 'abc'],
    ['sort(createArray(2, 1, 0, 3))', [0, 1, 2, 3]],
    ['sort(json(\'[{"n": "b"}, {"n": "a"}]\'), \'n\')', [{ n: 'a' }, { n: 'b' }]],
    ['union(createArray(1, 2, 3), createArray(1, 2, 10, 101))', [1, 2, 3, 10, 101]],
    ['union(json(\'{"a": 1, "b": 2}\'), json(\'{"b": 3}\'))', { a: 1, b: 3 }],
    ['intersection(createArray(1, 2, 3), createArray(101, 2, 1, 10), createArray(6, 8, 1, 2))', [1, 2]],
    ['intersection(json(\'{"a": 1, "b": 2}\'), json(\'{"a": 1, "b": 3}\'))', { a: 1 }],
    ["chunk('abcdefghijklmnopqrstuvwxyz', 10)", ['abcdefghij', 'klmnopqrst', 'uvwxyz']],
    [
      'chunk(createArray(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12), 5)',
      [
        [1, 2, 3, 4, 5],
        [6, 7, 8, 9, 10],
        [11, 12],
      ],
    ],
    ['slice(createArray(1, 2, 3, 4), 1, 3)', [2, 3]],
  ])('%s is %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each([
    ['first(1)', /expects its first parameter to be a string or an array/],
    ['contains(1, 1)', /a string, an array or an object/],
    ["join('abc', ',')", /expects its first parameter to be an array/],
    ["union(createArray(1), json('{}'))", /an array like the first/],
    ['chunk(createArray(1), 0)', /a positive integer/],
  ])('%s fails clearly', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
});
