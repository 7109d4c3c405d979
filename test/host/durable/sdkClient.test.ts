import { afterAll, beforeAll, expect, test } from 'vitest';
import { type DurableHost, startDurable } from './helpers';

let d: DurableHost;
beforeAll(async () => {
  d = await startDurable('durable-basic');
});
afterAll(async () => {
  await d.stop();
});

const op = async (name: string, id = ''): Promise<unknown> => {
  const response = await fetch(`${d.host.origin}/api/client/${name}${id ? `/${id}` : ''}`, {
    method: 'POST',
  });
  if (response.status >= 400) throw new Error(`${name}: HTTP ${response.status} ${await response.text()}`);
  return response.status === 204 ? undefined : await response.json();
};

test("the SDK's DurableClient reads status, lists, raises, suspends, resumes, terminates and purges through the API", async () => {
  const { id = '' } = await d.start('Suspendable', undefined, 'sdk-1');
  await d.waitFor(id, ['Running']);
  expect(await op('status', id)).toMatchObject({
    instanceId: id,
    name: 'Suspendable',
    runtimeStatus: 'Running',
  });
  expect(await op('list')).toContain(id);
  expect(await op('listBy')).toContain(id);
  await op('suspend', id);
  await d.waitFor(id, ['Suspended']);
  await op('resume', id);
  await d.waitFor(id, ['Running']);
  await op('raise', id);
  expect(await d.waitFor(id)).toMatchObject({ runtimeStatus: 'Completed', output: 'Hello from-sdk!' });
  expect(await op('rewind', id)).toMatch(/not supported/i);
  expect(await op('purge', id)).toEqual({ instancesDeleted: 1 });
  expect(await op('purge', id)).toEqual({ instancesDeleted: 0 });

  const { id: forever = '' } = await d.start('Forever');
  await d.waitFor(forever, ['Running']);
  await op('terminate', forever);
  expect(await d.waitFor(forever)).toMatchObject({ runtimeStatus: 'Terminated', output: 'sdk says stop' });
});

test("the SDK's DurableClient signals an entity and reads its state", async () => {
  expect(await op('read', 'sdk-counter')).toEqual({ entityExists: false });
  await op('signal', 'sdk-counter');
  for (let i = 0; i < 100; i++) {
    if (
      (await op('read', 'sdk-counter')) !== undefined &&
      ((await op('read', 'sdk-counter')) as { entityExists: boolean }).entityExists
    )
      break;
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(await op('read', 'sdk-counter')).toEqual({ entityExists: true, entityState: 3 });
});
