import { expect, test } from 'vitest';
import { startFixture } from './helpers';

test('an ES module app ("type": "module") is loaded with import() and served, also on a second start', async () => {
  const first = await startFixture('esm-app');
  await first.host.stop();
  const { host } = await startFixture('esm-app');
  try {
    expect(await (await fetch(`${host.origin}/api/EsmHello`)).json()).toEqual({ module: 'esm' });
  } finally {
    await host.stop();
  }
});
