import { describe, expect, test } from 'vitest';
import { parseRouteTemplate } from '../../../src/host/http/routeTemplate';
import { matchTemplate } from '../../../src/host/http/matchTemplate';
import { splitPath } from '../../../src/host/http/routeTable';

function match(template: string, path: string): Record<string, string> | undefined {
  return matchTemplate(parseRouteTemplate(template), splitPath(path));
}

describe('route templates match paths like ASP.NET Core', () => {
  test.each([
    ['items/{id}', '/items/42', { id: '42' }],
    ['items/{id}', '/ITEMS/42', { id: '42' }],
    ['items/{id}', '/items/42/', { id: '42' }],
    ['items/{id}', '/items', undefined],
    ['items/{id}', '/items/42/more', undefined],
    ['items/{id?}', '/items', {}],
    ['items/{id:int?}', '/items/x', undefined],
    ['items/{id=7}', '/items', { id: '7' }],
    ['files/{*path}', '/files/a/b/c.txt', { path: 'a/b/c.txt' }],
    ['files/{*path}', '/files', {}],
    ['files/{**path}', '/files/x/y', { path: 'x/y' }],
    ['{file}.{ext}', '/report.final.pdf', { file: 'report.final', ext: 'pdf' }],
    ['a/{name}', '/a/hello%20world', { name: 'hello world' }],
    ['re/{code:regex(^[a-z]{{3}}$)}', '/re/abc', { code: 'abc' }],
    ['re/{code:regex(^[a-z]{{3}}$)}', '/re/abcd', undefined],
    ['re/{code:regex(^(ab|cd)$)}', '/re/cd', { code: 'cd' }],
    ['re/{code:regex(b)}', '/re/abc', { code: 'abc' }],
    ['lit{{x}}', '/lit{x}', {}],
  ])('%s against %s gives %j', (template, path, expected) => {
    expect(match(template, path)).toEqual(expected);
  });
});

describe('inline constraints accept and reject values', () => {
  test.each([
    ['int', '42', true],
    ['int', '-7', true],
    ['int', '2147483648', false],
    ['int', '4.2', false],
    ['long', '9223372036854775807', true],
    ['long', '9223372036854775808', false],
    ['bool', 'TRUE', true],
    ['bool', 'yes', false],
    ['alpha', 'Hello', true],
    ['alpha', 'h3llo', false],
    ['guid', '0f8fad5b-d9cb-469f-a165-70867728950e', true],
    ['guid', '0f8fad5bd9cb469fa16570867728950e', true],
    ['guid', '{0f8fad5b-d9cb-469f-a165-70867728950e}', true],
    ['guid', '0f8fad5b-d9cb-469f', false],
    ['datetime', '2024-02-29', true],
    ['datetime', 'tomorrow', false],
    ['decimal', '12.50', true],
    ['decimal', '1e5', false],
    ['double', '1e5', true],
    ['float', '-0.5', true],
    ['double', 'abc', false],
    ['min(5)', '5', true],
    ['min(5)', '4', false],
    ['max(5)', '6', false],
    ['range(1,10)', '10', true],
    ['range(1,10)', '11', false],
    ['range(1,10)', 'x', false],
    ['length(3)', 'abc', true],
    ['length(3)', 'abcd', false],
    ['length(2,4)', 'abcd', true],
    ['minlength(3)', 'ab', false],
    ['maxlength(3)', 'abc', true],
    ['int:min(10)', '9', false],
    ['int:min(10)', '10', true],
  ])('{v:%s} with %s is %s', (constraint, value, ok) => {
    expect(match(`x/{v:${constraint}}`, `/x/${value}`) !== undefined).toBe(ok);
  });
});

describe('invalid templates are rejected with the reason', () => {
  test.each([
    ['a/{*rest}/b', /catch-all/],
    ['a/{id:nosuch}', /Unknown route constraint 'nosuch'/],
    ['a/{id}/{ID}', /twice/],
    ['a//b', /empty segment/],
    ['a/{id', /not closed/],
    ['a/{n:range(1)}', /takes 2 argument/],
  ])('%s', (template, message) => {
    expect(() => parseRouteTemplate(template)).toThrow(message);
  });
});

test('precedence digits rank literals before constrained, plain and catch-all parameters', () => {
  expect(parseRouteTemplate('a/{b:int}/{c}/{*d}').precedence).toEqual([1, 3, 4, 5]);
  expect(parseRouteTemplate('{file}.{ext}').precedence).toEqual([2]);
});
