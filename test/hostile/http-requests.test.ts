/**
 * Random requests and hostile relative paths against the real embedded host: never a 5xx unless
 * the run itself fails, malformed percent-encoding and prototype names are plain path values.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { post } from './support/host';
import { expectProblem, useHostileHost } from './support/http-case';
import { bounded } from './support/property';

const hosted = useHostileHost();

describe('random requests', () => {
  it('random bodies and content types get 2xx or a 4xx problem; a 5xx only when the run fails', async () => {
    const contentType = fc.constantFrom(
      'application/json',
      'application/json; charset=utf-16',
      'text/plain',
      'application/xml',
      'application/x-www-form-urlencoded',
      'multipart/form-data; boundary=--',
      'application/vnd.api+json',
      '',
      '*/*',
      'json',
    );
    const body = fc.oneof(
      fc.json({ maxDepth: 4 }),
      fc.string({ maxLength: 200 }),
      fc.json({ maxDepth: 3 }).map((text) => text.slice(0, Math.max(1, text.length - 1))),
      fc.constantFrom(
        '{"name":"\\ud800"}',
        '{"name":"Ada","name":1}',
        '\ufeff{"name":"Ada"}',
        '{"name":"Ada"}\u0000',
      ),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('hello', 'echo', 'paths'),
        contentType,
        body,
        async (workflow, type, text) => {
          const response = await post(
            hosted.origin,
            workflow,
            text,
            type === '' ? {} : { 'content-type': type },
          );
          const answer = await response.text();
          // 502 is the documented answer when the run itself fails on the data (echo's union() on a
          // text body); any other 5xx is the host or the API failing.
          const runFailed = response.status === 502 && response.headers.get('x-flowline-run-id') !== null;
          if (response.status >= 500 && !runFailed)
            throw new Error(`${response.status} for ${type} ${JSON.stringify(text)}: ${answer}`);
          if (response.status >= 400)
            expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
        },
      ),
      bounded(150, 15_000),
    );
  });
});

describe('relative paths', () => {
  it.each([
    ['orders/%', { id: '%' }],
    ['orders/%E0%A4%A', { id: '%E0%A4%A' }],
    ['orders/__proto__', JSON.parse('{"id":"__proto__"}') as unknown],
    ['orders/constructor', { id: 'constructor' }],
  ])(
    '%s reaches the run as a plain parameter (malformed percent-encoding was an empty 500)',
    async (path, expected) => {
      const response = await fetch(`${hosted.origin}/api/workflows/paths/triggers/manual/invoke/${path}`, {
        method: 'POST',
      });
      expect(response.status).toBe(200);
      expect(JSON.stringify(await response.json())).toBe(JSON.stringify(expected));
    },
  );

  it.each([['orders/a%2Fb'], ['..%2F..%2Forders/1'], ['orders']])(
    '%s does not match and gets 404 problem details',
    async (path) => {
      const response = await fetch(`${hosted.origin}/api/workflows/paths/triggers/manual/invoke/${path}`, {
        method: 'POST',
      });
      await expectProblem(response, 404);
    },
  );
});

describe('Durable API paths', () => {
  it.each([['instances/%'], ['instances/%zz'], ['instances/a%E0%A4%A/terminate']])(
    '/runtime/webhooks/durabletask/%s with malformed percent-encoding gets 400 (was 500)',
    async (path) => {
      const response = await fetch(`${hosted.origin}/runtime/webhooks/durabletask/${path}`);
      expect(response.status).toBe(400);
      expect(await response.text()).toContain('is not valid percent-encoding');
    },
  );
});
