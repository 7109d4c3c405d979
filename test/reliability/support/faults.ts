/**
 * Misbehaving backend routes, chosen by the first path segment. Attempts are counted per
 * idempotency key, so "fail twice, then answer" is per action, not per server.
 */
import type { Behaviour, Hit } from './backend';

const ok = (hit: Hit): Behaviour => ({ kind: 'answer', status: 200, body: { path: hit.path } });

export function faultyBackend(hit: Hit, attempt: number): Behaviour {
  {
    switch (hit.path.split('/')[1]) {
      case 'storm':
        return { kind: 'answer', status: 500, body: { error: 'storm' } };
      case 'flaky':
        return attempt <= 2 ? { kind: 'answer', status: 503, body: { error: 'flaky' } } : ok(hit);
      case 'throttle':
        return attempt === 1
          ? { kind: 'answer', status: 429, body: { error: 'slow down' }, headers: { 'retry-after': '7' } }
          : ok(hit);
      case 'hang':
        return { kind: 'hang' };
      case 'reset':
        return { kind: 'reset' };
      case 'garbage':
        return { kind: 'raw', bytes: 'THIS IS NOT HTTP\r\n\r\n' };
      case 'truncated':
        return {
          kind: 'raw',
          bytes: 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 50\r\n\r\n{"a":1',
        };
      case 'long-body':
        // Declares 5 bytes and sends 7 on a keep-alive connection: the client must not read the
        // extra bytes as the start of the next answer.
        return {
          kind: 'raw',
          bytes: 'HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: 5\r\n\r\n{"a":1}',
        };
      case 'not-json':
        return {
          kind: 'answer',
          status: 200,
          body: '<html>not json</html>',
          headers: { 'content-type': 'application/json' },
        };
      default:
        return ok(hit);
    }
  }
}
