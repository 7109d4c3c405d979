import { describe, expect, test } from 'vitest';
import { readRoutePrefix } from '../../../src/host/startHost';
import { startFixture } from './helpers';

describe('host.json extensions.http.routePrefix', () => {
  test.each([
    ['prefix-custom', '/v1/Ping', '/v1/a/7', '/api/Ping'],
    ['prefix-empty', '/Ping', '/a/7', '/api/Ping'],
  ])('%s serves %s and %s but not %s', async (fixture, ping, nested, missing) => {
    const { host } = await startFixture(fixture);
    try {
      expect(await (await fetch(host.origin + ping)).text()).toBe('pong');
      expect(await (await fetch(host.origin + nested)).text()).toBe('b=7');
      expect((await fetch(host.origin + missing)).status).toBe(404);
    } finally {
      await host.stop();
    }
  });

  test.each([
    [{}, 'api'],
    [{ extensions: { http: { routePrefix: 'v2' } } }, 'v2'],
    [{ extensions: { http: { routePrefix: '/v2/' } } }, 'v2'],
    [{ extensions: { http: { routePrefix: '' } } }, ''],
    [{ extensions: { http: {} } }, 'api'],
  ])('%j gives prefix %j', (hostJson, prefix) => {
    expect(readRoutePrefix(hostJson)).toBe(prefix);
  });
});
