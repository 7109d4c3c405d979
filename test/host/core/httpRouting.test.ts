import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { RunningHost } from '../../../src/host/startHost';
import { startFixture } from './helpers';

let host: RunningHost;
beforeAll(async () => {
  ({ host } = await startFixture('http-basic'));
});
afterAll(() => host.stop());

async function routed(
  method: string,
  path: string,
): Promise<{ status: number; fn?: string; params?: unknown }> {
  const response = await fetch(host.origin + path, { method });
  const text = await response.text();
  if (response.headers.get('content-type') !== 'application/json') return { status: response.status };
  const body = JSON.parse(text) as { fn: string; params: unknown };
  return { status: response.status, fn: body.fn, params: body.params };
}

describe('requests reach the function whose route matches', () => {
  test.each([
    ['/api/items/5', 'ItemById', { id: '5' }],
    ['/api/items/new', 'ItemNew', {}],
    ['/api/items/NEW', 'ItemNew', {}],
    ['/api/items/abc', 'ItemByName', { name: 'abc' }],
    ['/API/Items/abc', 'ItemByName', { name: 'abc' }],
    ['/api/files/a/b/c.txt', 'Files', { path: 'a/b/c.txt' }],
    ['/api/files', 'Files', {}],
    ['/api/opt/x', 'Optional', { a: 'x' }],
    ['/api/opt/x/y', 'Optional', { a: 'x', b: 'y' }],
    ['/api/g/0f8fad5b-d9cb-469f-a165-70867728950e', 'ById', { id: '0f8fad5b-d9cb-469f-a165-70867728950e' }],
    ['/api/r/10', 'InRange', { n: '10' }],
    ['/api/re/abc', 'Code', { code: 'abc' }],
    ['/api/a/Letters', 'Letters', { s: 'Letters' }],
    ['/api/len/abc', 'Sized', { s: 'abc' }],
    ['/api/b/true', 'Flag', { flag: 'true' }],
    ['/api/l/9007199254740993', 'Big', { n: '9007199254740993' }],
    ['/api/d/12.5', 'Money', { n: '12.5' }],
    ['/api/dt/2024-01-31T10:00:00Z', 'When', { d: '2024-01-31T10:00:00Z' }],
    ['/api/min/5', 'AtLeast', { n: '5' }],
    ['/api/max/5', 'AtMost', { n: '5' }],
    ['/api/ml/abc', 'Short', { s: 'abc' }],
    ['/api/nl/abc', 'Long', { s: 'abc' }],
    ['/api/f/1e3', 'Real', { x: '1e3' }],
    ['/api/def', 'Defaulted', { lang: 'en' }],
    ['/api/def/fr', 'Defaulted', { lang: 'fr' }],
    ['/api/dot/report.pdf', 'Dotted', { file: 'report', ext: 'pdf' }],
    ['/api/mixed/case', 'MixedCase', {}],
  ])('GET %s -> %s %j', async (path, fn, params) => {
    expect(await routed('GET', path)).toEqual({ status: 200, fn, params });
  });

  test.each([
    '/api/g/not-a-guid',
    '/api/r/11',
    '/api/re/abcd',
    '/api/a/abc1',
    '/api/len/a',
    '/api/b/maybe',
    '/api/min/4',
    '/api/max/6',
    '/api/ml/abcd',
    '/api/nl/ab',
    '/api/f/x',
    '/api/opt',
    '/items/5',
    '/api/nothing/here',
  ])('GET %s is a 404 miss', async (path) => {
    expect((await routed('GET', path)).status).toBe(404);
  });
});

describe('methods', () => {
  test('two functions can share a route with different methods', async () => {
    const get = await fetch(`${host.origin}/api/only`);
    const post = await fetch(`${host.origin}/api/only`, { method: 'POST' });
    expect([get.status, await get.text(), post.status, await post.text()]).toEqual([
      200,
      'got',
      200,
      'posted',
    ]);
  });

  test('a method the trigger does not list is a 404 routing miss', async () => {
    const response = await fetch(`${host.origin}/api/hello`, { method: 'DELETE' });
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toContain('application/problem+json');
    expect(await response.json()).toMatchObject({ status: 404, title: 'Not Found' });
  });

  test('the route defaults to the function name', async () => {
    const response = await fetch(`${host.origin}/api/Hello?name=Ada`);
    expect(await response.text()).toBe('Hello, Ada');
  });
});

test('a function whose route and methods collide with another is left out and reported', async () => {
  const { host: conflicted, logs } = await startFixture('route-conflict');
  try {
    expect(await (await fetch(`${conflicted.origin}/api/items/1`)).text()).toBe('first');
    expect(await (await fetch(`${conflicted.origin}/api/items/1`, { method: 'POST' })).text()).toBe('posted');
    expect(logs.filter((l) => l.level === 'error').map((l) => l.message)).toEqual([
      "Function 'Second' is not routed: The route specified conflicts with the route defined by function 'First'.",
    ]);
  } finally {
    await conflicted.stop();
  }
});
