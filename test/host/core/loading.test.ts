import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type {
  FunctionsRuntime,
  HostEnvironment,
  HostExtension,
  LoadedFunction,
} from '../../../src/host/extension';
import { applyLocalSettings } from '../../../src/host/load/appFiles';
import { globFiles, globToRegExp } from '../../../src/host/load/glob';
import { HostStartError } from '../../../src/host/startHost';
import { fixtureDir, startFixture } from './helpers';

describe('entry points', () => {
  test('a duplicate function name is rejected and the start fails naming the file', async () => {
    const start = startFixture('duplicate');
    await expect(start).rejects.toThrow(HostStartError);
    await expect(start).rejects.toThrow(
      /Failed to load entry point "b\.js".*A function with the id "Same" has already been registered/s,
    );
  });

  test('an entry point that throws fails the start with a message naming the file and the cause', async () => {
    await expect(startFixture('broken')).rejects.toThrow(
      /Failed to load entry point "lib\/functions\/throws\.js" \(package\.json "main": "lib\/functions\/\*\.js"\): Error: the database URL is missing/,
    );
  });

  test('a main that matches no file fails the start and says to build first', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-host-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: 'dist/src/functions/*.js' }));
    await expect(startFixture(dir)).rejects.toThrow(/no file in .* matches it\. Build the app first/);
  });

  test('a package.json without main fails the start with the fix', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-host-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x' }));
    await expect(startFixture(dir)).rejects.toThrow(/has no "main" field/);
  });

  test.each([
    ['src/functions/*.js', ['src/functions/behaviour.js', 'src/functions/routes.js']],
    ['src/**/*.js', ['src/functions/behaviour.js', 'src/functions/routes.js']],
    ['**/routes.js', ['src/functions/routes.js']],
    ['src/functions/{routes,missing}.js', ['src/functions/routes.js']],
    ['src/functions/r?utes.js', ['src/functions/routes.js']],
    ['./src/functions/routes.js', ['src/functions/routes.js']],
    ['src/functions/*.ts', []],
  ])('main %s matches %j', (pattern, files) => {
    expect(globFiles(pattern, fixtureDir('http-basic'))).toEqual(files);
  });

  test('* does not cross folders but ** does', () => {
    expect(globToRegExp('a/*.js').test('a/b/c.js')).toBe(false);
    expect(globToRegExp('a/**/*.js').test('a/b/c.js')).toBe(true);
    expect(globToRegExp('a/**/*.js').test('a/c.js')).toBe(true);
  });
});

describe('local.settings.json', () => {
  const names = [
    'FLOWLINE_FIXTURE_GREETING',
    'FLOWLINE_FIXTURE_PRESET',
    'FLOWLINE_GENERIC_SETTING',
    'FUNCTIONS_REQUEST_BODY_SIZE_LIMIT',
  ];
  afterEach(() => names.forEach((n) => delete process.env[n]));

  test('Values are applied to process.env without overriding variables already set', () => {
    const env: NodeJS.ProcessEnv = { FLOWLINE_FIXTURE_PRESET: 'from the environment' };
    const applied = applyLocalSettings(
      {
        values: { FLOWLINE_FIXTURE_GREETING: 'from settings', FLOWLINE_FIXTURE_PRESET: 'from settings' },
        path: 'x',
      },
      env,
    );
    expect(applied).toEqual(['FLOWLINE_FIXTURE_GREETING']);
    expect(env).toEqual({
      FLOWLINE_FIXTURE_GREETING: 'from settings',
      FLOWLINE_FIXTURE_PRESET: 'from the environment',
    });
  });

  test('the app sees its settings at run time, and WEBSITE_HOSTNAME is set to the bound port when unset', async () => {
    const before = process.env['WEBSITE_HOSTNAME'];
    delete process.env['WEBSITE_HOSTNAME'];
    const { host } = await startFixture('generic', { setWebsiteHostname: true });
    try {
      expect(await (await fetch(`${host.origin}/api/Status`)).json()).toEqual({
        env: 'loaded',
        websiteHostname: `localhost:${host.port}`,
      });
    } finally {
      await host.stop();
      if (before === undefined) delete process.env['WEBSITE_HOSTNAME'];
      else process.env['WEBSITE_HOSTNAME'] = before;
    }
  });

  test('without a port option the host binds Host.LocalHttpPort from local.settings.json (0 here), not 7071', async () => {
    const { host } = await startFixture('generic', { port: undefined });
    try {
      expect(host.port).not.toBe(7071);
      expect(host.port).toBeGreaterThan(0);
    } finally {
      await host.stop();
    }
  });

  test('an invalid Host.LocalHttpPort fails the start naming the file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-host-'));
    writeFileSync(join(dir, 'package.json'), JSON.stringify({ main: 'index.js' }));
    writeFileSync(
      join(dir, 'local.settings.json'),
      JSON.stringify({ Values: {}, Host: { LocalHttpPort: 'high' } }),
    );
    await expect(startFixture(dir)).rejects.toThrow(
      /local\.settings\.json: "Host\.LocalHttpPort" must be a port number, got "high"/,
    );
  });

  test('FUNCTIONS_REQUEST_BODY_SIZE_LIMIT from the settings sets the request body limit', async () => {
    const { host } = await startFixture('generic');
    try {
      const small = await fetch(`${host.origin}/api/Status`, { method: 'POST', body: 'sixteen bytes!!!' });
      const large = await fetch(`${host.origin}/api/Status`, { method: 'POST', body: 'seventeen bytes!!' });
      expect([small.status, large.status]).toEqual([200, 413]);
    } finally {
      await host.stop();
    }
  });
});

/** A test extension that owns `fakeQueueTrigger` and the `fakeClient` input, and serves `/fake/*`. */
function fakeExtension(
  events: string[],
): HostExtension & { runtime?: FunctionsRuntime; env?: HostEnvironment } {
  const extension: HostExtension & { runtime?: FunctionsRuntime; env?: HostEnvironment } = {
    name: 'fake',
    triggerTypes: ['fakeQueueTrigger'],
    inputBindingValue(type: string, fn: LoadedFunction) {
      return type === 'fakeClient' ? { string: JSON.stringify({ for: fn.name }) } : undefined;
    },
    handleHttp(_req, res, url) {
      if (!url.pathname.startsWith('/fake/')) return Promise.resolve(false);
      res.writeHead(200, { 'content-type': 'text/plain' });
      res.end(`fake saw ${url.pathname}`);
      return Promise.resolve(true);
    },
    start(runtime, env) {
      events.push('start');
      extension.runtime = runtime;
      extension.env = env;
      return Promise.resolve();
    },
    stop() {
      events.push('stop');
      return Promise.resolve();
    },
  };
  return extension;
}

describe('extensions drive functions through FunctionsRuntime', () => {
  test('invoke runs a non-HTTP function with the extension-supplied input and returns its value as RPC data', async () => {
    const events: string[] = [];
    const extension = fakeExtension(events);
    const { host } = await startFixture('generic', { extensions: [extension] });
    try {
      const runtime = extension.runtime;
      expect(runtime?.functions.get('Work')).toMatchObject({
        triggerType: 'fakeQueueTrigger',
        triggerBindingName: 'item',
      });
      const result = await runtime?.invoke('Work', {
        inputData: [{ name: 'item', data: { string: '{"id":7}' } }],
        triggerMetadata: { DequeueCount: { int: 1 } },
      });
      expect(result?.ok).toBe(true);
      const value =
        result?.ok && result.returnValue && 'json' in result.returnValue ? result.returnValue.json : '';
      expect(JSON.parse(value)).toEqual({
        item: { id: 7 },
        client: { for: 'Work' },
        metadata: { dequeueCount: 1 },
      });
      expect(
        await runtime?.invoke('Text', { inputData: [{ name: 'item', data: { string: 'plain words' } }] }),
      ).toEqual({
        ok: true,
        returnValue: { string: 'echo plain words' },
        outputData: [],
      });
      expect(extension.env).toMatchObject({
        appDir: fixtureDir('generic'),
        origin: host.origin,
        store: 'memory',
      });
    } finally {
      await host.stop();
    }
    expect(events).toEqual(['start', 'stop']);
  });

  test('a failing function gives the worker failure text', async () => {
    const extension = fakeExtension([]);
    const { host } = await startFixture('generic', { extensions: [extension] });
    try {
      const result = await extension.runtime?.invoke('Fails', {
        inputData: [{ name: 'item', data: { string: 'x' } }],
      });
      expect(result).toMatchObject({ ok: false, message: 'work item rejected' });
      expect(result?.ok === false && result.failureText).toMatch(
        /^Result: Failure\nException: work item rejected\nStack: Error: work item rejected\n/,
      );
      expect(await extension.runtime?.invoke('Nope', { inputData: [] })).toMatchObject({
        ok: false,
        message: expect.stringContaining("Function 'Nope' is not registered") as unknown,
      });
    } finally {
      await host.stop();
    }
  });

  test('an extension that throws while supplying an input gives a failed invocation, not a rejection', async () => {
    const extension = fakeExtension([]);
    const broken: HostExtension = {
      ...extension,
      inputBindingValue: () => {
        throw new Error('client data unavailable');
      },
    };
    const { host } = await startFixture('generic', { extensions: [broken] });
    try {
      const result = await extension.runtime?.invoke('Work', {
        inputData: [{ name: 'item', data: { string: '1' } }],
      });
      expect(result).toMatchObject({
        ok: false,
        message:
          "Resolving input binding 'client' (fakeClient) of 'Work' failed: Error: client data unavailable",
      });
    } finally {
      await host.stop();
    }
  });

  test('extensions get the first look at HTTP requests', async () => {
    const { host } = await startFixture('generic', { extensions: [fakeExtension([])] });
    try {
      expect(await (await fetch(`${host.origin}/fake/thing`)).text()).toBe('fake saw /fake/thing');
      expect((await fetch(`${host.origin}/api/Status`)).status).toBe(200);
    } finally {
      await host.stop();
    }
  });

  test('a trigger type no extension handles is reported in the log', async () => {
    const { host, logs } = await startFixture('generic');
    await host.stop();
    expect(logs.map((l) => l.message)).toContain(
      "Function 'Work' has trigger type 'fakeQueueTrigger', which no loaded extension handles; it will not run.",
    );
  });

  test('stop lets a running invocation finish, then runs appTerminate and closes the port', async () => {
    const { host } = await startFixture('hooks');
    const events = (globalThis as { flowlineHookEvents?: string[] }).flowlineHookEvents ?? [];
    const request = fetch(`${host.origin}/api/Slow`);
    while (!events.includes('pre:Slow')) await new Promise((r) => setTimeout(r, 5));
    await host.stop();
    const response = await request;
    expect([response.status, await response.text()]).toEqual([200, 'slow']);
    expect(events.slice(-3)).toEqual([
      'handler:Slow:done',
      'post:Slow:true:ok',
      'appTerminate:shared app hook data',
    ]);
    await expect(fetch(`${host.origin}/api/Plain`)).rejects.toThrow();
  });
});

describe('CORS from local.settings.json Host.CORS', () => {
  test.each([
    ['an allowed origin gets the CORS headers', 'http://allowed.example', 'http://allowed.example'],
    ['a listed origin with a trailing slash matches too', 'https://also.example', 'https://also.example'],
    ['another origin gets none', 'http://evil.example', null],
  ])('%s', async (_name, origin, allowed) => {
    const { host } = await startFixture('generic');
    try {
      const response = await fetch(`${host.origin}/api/Status`, { headers: { origin } });
      expect(response.status).toBe(200);
      expect(response.headers.get('access-control-allow-origin')).toBe(allowed);
      expect(response.headers.get('access-control-allow-credentials')).toBe(allowed ? 'true' : null);
    } finally {
      await host.stop();
    }
  });

  test('a preflight is answered 204 with the requested method and headers', async () => {
    const { host } = await startFixture('generic');
    try {
      const response = await fetch(`${host.origin}/api/Status`, {
        method: 'OPTIONS',
        headers: {
          origin: 'http://allowed.example',
          'access-control-request-method': 'PUT',
          'access-control-request-headers': 'x-trace, content-type',
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get('access-control-allow-methods')).toBe('PUT');
      expect(response.headers.get('access-control-allow-headers')).toBe('x-trace, content-type');
    } finally {
      await host.stop();
    }
  });
});
