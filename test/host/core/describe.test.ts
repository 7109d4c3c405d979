import { expect, test } from 'vitest';
import { describeFunctions } from '../../../src/host/describe';
import { startFixture } from './helpers';

test('the start banner lists HTTP functions with methods and URLs, then the others by trigger type', async () => {
  const { host, logs } = await startFixture('mixed-triggers');
  try {
    const banner = describeFunctions(
      host.runtime.functions.values(),
      host.routes,
      'http://localhost:7071',
      undefined,
    );
    expect(banner).toBe(
      [
        'Functions:',
        '',
        '\tAnything: [GET,POST,PUT,PATCH,DELETE,HEAD,OPTIONS] http://localhost:7071/api/any',
        '',
        '\tHttpStart: [GET,POST] http://localhost:7071/api/orchestrators/{functionName}',
        '',
        '\tGreeter: orchestrationTrigger',
        '',
        '\tNightly: timerTrigger',
        '',
        '\tSayHello: activityTrigger',
        '',
      ].join('\n'),
    );
    expect(logs.filter((l) => l.level === 'warning').map((l) => l.message)).toEqual([
      "Function 'SayHello' has trigger type 'activityTrigger', which no loaded extension handles; it will not run.",
      "Function 'Greeter' has trigger type 'orchestrationTrigger', which no loaded extension handles; it will not run.",
    ]);
  } finally {
    await host.stop();
  }
});

test('with keys enforced the banner shows each protected URL with its key', async () => {
  const { host } = await startFixture('http-basic');
  try {
    const keys = { keys: { masterKey: 'MASTER', functionKeys: { Keyed: { default: 'KEYED' } } } };
    const banner = describeFunctions(
      host.runtime.functions.values(),
      host.routes,
      'http://localhost:7071',
      keys,
    );
    expect(banner).toContain('\tKeyed: [GET,POST] http://localhost:7071/api/keyed?code=KEYED\n');
    expect(banner).toContain('\tAdminOnly: [GET,POST] http://localhost:7071/api/adminonly?code=MASTER\n');
    expect(banner).toContain('\tAnonymous: [GET,POST] http://localhost:7071/api/anon\n');
  } finally {
    await host.stop();
  }
});
