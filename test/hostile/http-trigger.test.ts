/**
 * Hostile request bodies against the real embedded host: malformed JSON, wrong content types,
 * 10,000-deep nesting, prototype keys, too many splitOn items. Every refusal is a 4xx with a
 * problem-details body, nothing is polluted, and the next valid request still succeeds.
 */
import { describe, expect, it } from 'vitest';
import { post } from './support/host';
import { expectProblem, JSON_TYPE, useHostileHost } from './support/http-case';

const hosted = useHostileHost();

describe('request bodies', () => {
  it.each([
    ['a truncated object', '{"name":'],
    ['a trailing comma', '{"name":"Ada",}'],
    ['single quotes', "{'name':'Ada'}"],
    ['a bare word', 'undefined'],
    ['NaN', '{"name":NaN}'],
    ['a lone surrogate escape pair gone wrong', '{"name":"\\ud800\\"}'],
    ['a NUL byte', '{"name":"A\u0000'],
  ])('malformed JSON (%s) gets 400 problem details', async (_label, body) => {
    const problem = await expectProblem(await post(hosted.origin, 'hello', body, JSON_TYPE), 400);
    expect(problem['title']).toBe('Invalid JSON body');
  });

  it.each([
    ['text/plain', { 'content-type': 'text/plain' }, '{"name":"Ada"}'],
    ['application/xml', { 'content-type': 'application/xml' }, '<name>Ada</name>'],
    [
      'multipart/form-data',
      { 'content-type': 'multipart/form-data; boundary=x' },
      '--x\r\nContent-Disposition: form-data; name="name"\r\n\r\nAda\r\n--x--',
    ],
    ['no content type and text', {}, 'name=Ada'],
  ])('a %s body is taken as text, which the JSON schema refuses with 400', async (_label, headers, body) => {
    const problem = await expectProblem(await post(hosted.origin, 'hello', body, headers), 400);
    expect(problem['errors']).toEqual([{ pointer: '', message: expect.stringMatching(/object/i) as string }]);
  });

  it('a body without a content type that looks like JSON is read as JSON (documented sniffing)', async () => {
    const response = await post(hosted.origin, 'hello', '{"name":"Bea"}', {});
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ greeting: 'Hello, Bea!' });
  });

  it.each([
    ['arrays', `{"name":"Ada","deep":${'['.repeat(10_000)}${']'.repeat(10_000)}}`, '/deep/0/0/0'],
    ['objects', `{"name":"Ada","deep":${'{"a":'.repeat(10_000)}1${'}'.repeat(10_000)}}`, '/deep/a/a/a'],
  ])(
    '%s nested 10,000 deep get 400 with the pointer where the limit is passed',
    async (_label, body, prefix) => {
      const problem = await expectProblem(await post(hosted.origin, 'echo', body, JSON_TYPE), 400);
      expect(problem['detail']).toMatch(/nested more than 256 levels/);
      expect(String(problem['pointer'])).toMatch(new RegExp(`^${prefix}`));
    },
  );

  it('an event body nested 10,000 deep gets 400 with a pointer (was an empty 500)', async () => {
    const started = await post(hosted.origin, 'hello', '{"name":"Ada"}', JSON_TYPE);
    const runId = started.headers.get('x-flowline-run-id') ?? '';
    const response = await fetch(`${hosted.origin}/api/workflows/hello/runs/${runId}/events/decision`, {
      method: 'POST',
      headers: JSON_TYPE,
      body: `{"d":${'['.repeat(10_000)}${']'.repeat(10_000)}}`,
    });
    const problem = await expectProblem(response, 400);
    expect(problem['title']).toBe('Event body nested too deep');
    expect(String(problem['pointer'])).toMatch(/^\/d(\/0){200}/);
  });

  it('JSON text nested 30,000 deep inside a body fails the json() action, and the run view still renders', async () => {
    const text = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const response = await post(hosted.origin, 'parse', JSON.stringify({ text }), JSON_TYPE);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Failed');
    const view = await hosted.host.flowline.waitForRun(
      'parse',
      response.headers.get('x-flowline-run-id') ?? '',
    );
    expect(view.status).toBe('Succeeded');
  });

  it('a body nested 200 levels deep is accepted and echoed', async () => {
    const deep = `${'['.repeat(200)}${']'.repeat(200)}`;
    const response = await post(hosted.origin, 'echo', `{"deep":${deep}}`, JSON_TYPE);
    expect(response.status).toBe(200);
    expect(JSON.stringify(((await response.json()) as { body: unknown }).body)).toBe(`{"deep":${deep}}`);
  });

  it('a splitOn body with more than 100,000 items gets 413 and starts no run (it started them all)', async () => {
    const orders = Array.from({ length: 100_001 }, (_, id) => ({ id, quantity: 1 }));
    const started = performance.now();
    const response = await post(hosted.origin, 'split-orders', JSON.stringify({ orders }), JSON_TYPE);
    const problem = await expectProblem(response, 413);
    expect(problem['detail']).toBe(
      'splitOn gave 100001 items; one trigger call may start at most 100000 runs.',
    );
    expect(response.headers.get('x-flowline-run-id')).toBeNull();
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('__proto__ and constructor keys reach the run as plain data and pollute nothing', async () => {
    const body = '{"__proto__":{"polluted":1},"constructor":{"prototype":{"polluted":1}},"isAdmin":false}';
    const response = await post(hosted.origin, 'echo', body, JSON_TYPE);
    expect(response.status).toBe(200);
    const seen = JSON.parse(await response.text()) as Record<string, unknown>;
    expect(JSON.stringify(seen['body'])).toBe(body);
    expect(seen['proto']).toEqual({ polluted: 1 });
    expect(seen['ctor']).toEqual({ prototype: { polluted: 1 } });
    expect(seen['union']).toEqual({ polluted: 1 });
  });

  // @azure/functions builds its request from the host's maps by assignment, so a header or query
  // parameter named `__proto__` is dropped there (on Azure too); `constructor` used to arrive as
  // 'undefined,<value>' because the host read Object's constructor as an earlier header.
  it('headers and query parameters named constructor arrive as their values; __proto__ is dropped, never applied', async () => {
    const response = await post(
      hosted.origin,
      'echo',
      '{}',
      [
        ['content-type', 'application/json'],
        ['constructor', 'c-header'],
        ['__proto__', 'p-header'],
      ],
      '?__proto__=p-query&constructor=c-query',
    );
    expect(response.status).toBe(200);
    const seen = JSON.parse(await response.text()) as {
      headers: Record<string, unknown>;
      queries: Record<string, unknown>;
    };
    expect(Object.entries(seen.headers)).toContainEqual(['constructor', 'c-header']);
    expect(Object.entries(seen.queries)).toEqual([['constructor', 'c-query']]);
    expect(Object.keys(seen.headers)).not.toContain('__proto__');
  });
});
