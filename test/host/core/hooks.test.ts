import { expect, test } from 'vitest';
import { startFixture } from './helpers';

function events(): string[] {
  return (globalThis as { flowlineHookEvents?: string[] }).flowlineHookEvents ?? [];
}

test('hooks run like the worker runs them: appStart, pre hooks in order, handler, post hook, appTerminate', async () => {
  const { host } = await startFixture('hooks');
  expect(events()).toEqual(['appStart']);
  expect(await (await fetch(`${host.origin}/api/Plain`)).text()).toBe('plain');
  expect(events()).toEqual(['appStart', 'pre:Plain', 'pre:second', 'handler:Plain', 'post:Plain:true:ok']);
  await host.stop();
  expect(events().at(-1)).toBe('appTerminate:shared app hook data');
});

test('a preInvocation hook can replace the handler', async () => {
  const { host } = await startFixture('hooks');
  try {
    expect(await (await fetch(`${host.origin}/api/Swapped`)).text()).toBe('from the replacement handler');
  } finally {
    await host.stop();
  }
});

test('a postInvocation hook sees the error and can replace it with a result', async () => {
  const { host } = await startFixture('hooks');
  try {
    const response = await fetch(`${host.origin}/api/Rescued`);
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('rescued');
    expect(events()).toContain('post:Rescued:true:error');
  } finally {
    await host.stop();
  }
});
