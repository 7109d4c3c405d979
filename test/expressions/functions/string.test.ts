import { describe, expect, it } from 'vitest';
import { errorOf, run } from './helpers';

describe('string functions', () => {
  it.each([
    // Examples from the Logic Apps expression function reference.
    ["concat('Hello', 'World')", 'HelloWorld'],
    ["concat('a', 1, true, null)", 'a1True'],
    ["endsWith('hello world', 'world')", true],
    ["endsWith('hello world', 'WORLD')", true],
    ["endsWith('hello world', 'universe')", false],
    ["startsWith('hello world', 'hello')", true],
    ["startsWith('hello world', 'greetings')", false],
    ["indexOf('hello world', 'world')", 6],
    ["indexOf('hello world', 'WORLD')", 6],
    ["indexOf('hello world', 'xyz')", -1],
    ["lastIndexOf('hello world hello world', 'world')", 18],
    ["nthIndexOf('123456789123465789', '1', 1)", 0],
    ["nthIndexOf('123456789123465789', '1', 2)", 9],
    ["nthIndexOf('123456789123465789', '12', 1)", 0],
    ["nthIndexOf('123456789123465789', '6', 4)", -1],
    ["nthIndexOf('123456789123465789', '1', -1)", 9],
    ["replace('the old string', 'old', 'new')", 'the new string'],
    ["replace('a-b-c', '-', '')", 'abc'],
    ["split('a_b_c', '_')", ['a', 'b', 'c']],
    ["split('a::b', '::')", ['a', 'b']],
    ["substring('hello world', 6, 5)", 'world'],
    ["substring('hello world', 6)", 'world'],
    ["toLower('Hello World')", 'hello world'],
    ["toUpper('Hello World')", 'HELLO WORLD'],
    ["trim(' Hello World  ')", 'Hello World'],
    ["isInt('10')", true],
    ["isInt('10.5')", false],
    ["isFloat('10,000.00')", true],
    ["isFloat('abc')", false],
    ["slice('Hello World', 2)", 'llo World'],
    ["slice('Hello World', 30)", ''],
    ["slice('Hello World', 10, 2)", ''],
    ["slice('Hello World', 2, 5)", 'llo'],
    ["slice('Hello World', 2, 20)", 'llo World'],
    ["slice('Hello World', -2)", 'ld'],
    ["slice('Hello World', 3, -1)", 'lo Worl'],
    ["formatNumber(1234567890, '0,0.00', 'en-us')", '1,234,567,890.00'],
    ["formatNumber(1234567890, '#,##0.00', 'is-IS')", '1.234.567.890,00'],
    ["formatNumber(17.35, 'C2')", '$17.35'],
    ["formatNumber(17.35, 'C2', 'is-is')", '17,35 kr.'],
    ["formatNumber(42, 'D5')", '00042'],
    ["formatNumber(255, 'X')", 'FF'],
    ["formatNumber(255, 'x4')", '00ff'],
    ["formatNumber(1234.5678, 'F1')", '1234.6'],
    ["formatNumber(1234.5678, 'N')", '1,234.57'],
    ["formatNumber(0.1234, 'P1')", '12.3%'],
    ["formatNumber(12345.6789, 'E2')", '1.23E+004'],
    ["formatNumber(2.5, '0')", '3'],
    ["formatNumber(-0.5, '0.0%')", '-50.0%'],
    ["formatNumber(12.5, '''EUR'' #,##0.00')", 'EUR 12.50'],
  ])('%s is %j', (text, expected) => {
    expect(run(text)).toEqual(expected);
  });

  it.each([
    ['guid()', '00000000-0000-4000-8000-000000000001'],
    ["guid('N')", '00000000000040008000000000000001'],
    ["guid('B')", '{00000000-0000-4000-8000-000000000001}'],
    ["guid('P')", '(00000000-0000-4000-8000-000000000001)'],
    ["guid('X')", '{0x00000000,0x0000,0x4000,{0x80,0x00,0x00,0x00,0x00,0x00,0x00,0x01}}'],
  ])('%s formats the GUID the context supplies', (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ["substring('hello', 3, 5)", /out of range: 'start index' \(3\) and 'length' \(5\)/],
    ['toUpper(1)', /expects its first parameter to be a string. The provided value is of type 'Integer'/],
    ["replace('abc', '', 'x')", /text to replace must not be empty/],
    ["nthIndexOf('abc', 'a', 0)", /occurrence must not be zero/],
    ["formatNumber('1', 'N')", /expects its first parameter to be a number/],
    ["formatNumber(1.5, 'D')", /needs an integer/],
    ["guid('Q')", /'Q' is not a GUID format/],
  ])('%s fails clearly', (text, message) => {
    expect(errorOf(text)).toMatch(message);
  });
});
