import { expect, test } from 'vitest';
import { startFixture } from './helpers';

test('log hooks see user logs first and can rewrite message and level before the host writes them', async () => {
  const { host, logs } = await startFixture('log-hook');
  try {
    expect(await (await fetch(`${host.origin}/api/Talk`)).text()).toBe('ok');
  } finally {
    await host.stop();
  }
  const user = logs.filter((l) => l.category === 'Function.Talk.User');
  expect(user.map((l) => [l.level, l.message])).toEqual([
    ['information', 'calling the backend with secret=***'],
    ['warning', 'careful'],
    ['debug', 'downgrade me'],
  ]);
  expect(JSON.stringify(logs)).not.toContain('abc123');
});
