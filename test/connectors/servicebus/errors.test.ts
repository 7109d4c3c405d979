/**
 * Failures of the ServiceBus activity: SDK error codes classified as retryable or terminal, invalid
 * inputs naming the field, connection settings, and the connection string never in a result.
 */
import { describe, expect, it } from 'vitest';
import { ServiceBusError, type ServiceBusErrorCode } from '@azure/service-bus';
import type { ActivityResult } from '../../../src/connectors/activity';
import { serviceBusTarget } from '../../../src/connectors/servicebus/connection';
import { serviceBusConnector } from '../../../src/connectors/servicebus/index';
import { ENV, fakeClients, type FakeOptions, SB_CONNECTION, SB_KEY } from './fakes';

async function run(
  inputs: Record<string, unknown>,
  options: FakeOptions = {},
  env: NodeJS.ProcessEnv = ENV,
): Promise<ActivityResult> {
  return serviceBusConnector(fakeClients(options), { env })({
    operation: 'send',
    connection: 'ORDERS_BUS',
    entityName: 'orders',
    message: { body: 'x' },
    ...inputs,
  });
}

const leaks = (result: ActivityResult): boolean =>
  [SB_KEY, SB_CONNECTION, 'c2VjcmV0LWtleS1uZXZlci1zaG93bi0'].some((s) => JSON.stringify(result).includes(s));

describe('SDK failures', () => {
  it.each<[ServiceBusErrorCode, boolean]>([
    ['ServiceBusy', true],
    ['ServiceTimeout', true],
    ['GeneralError', true],
    ['ServiceCommunicationProblem', true],
    ['MessagingEntityNotFound', false],
    ['MessageSizeExceeded', false],
    ['UnauthorizedAccess', false],
    ['MessagingEntityDisabled', false],
    ['QuotaExceeded', false],
  ])('%s is retryable: %s, and keeps its code', async (code, retryable) => {
    const error = new ServiceBusError(`The operation failed (${code}).`, code);
    const result = await run({}, { failSend: () => error });
    expect(result).toMatchObject({ ok: false, retryable, error: { code } });
    expect(!result.ok && result.error.message).toMatch(/^Sending to 'orders' failed/);
  });

  it.each([
    ['a socket error', Object.assign(new Error('connect ECONNRESET 10.0.0.1:5671'), { code: 'ECONNRESET' })],
    ['the AMQP layer failing to connect', new Error('Failed to connect')],
    [
      'a GeneralError for a refused socket',
      new ServiceBusError('connect ECONNREFUSED 10.0.0.1:5671', 'GeneralError'),
    ],
  ])('%s is a retryable ServiceCommunicationProblem', async (_label, error) => {
    const result = await run({}, { failCreate: error });
    expect(result).toMatchObject({
      ok: false,
      retryable: true,
      error: { code: 'ServiceCommunicationProblem' },
    });
  });

  it('gives up on a call that never settles after timeoutMs, as a retryable ServiceTimeout', async () => {
    const started = Date.now();
    const result = await run({}, { hang: true, timeoutMs: 150 });
    expect(result).toMatchObject({ ok: false, retryable: true, error: { code: 'ServiceTimeout' } });
    expect(!result.ok && result.error.message).toMatch(/did not finish within 150 ms/);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each([
    ['a broken connection', { failCreate: new Error('Failed to connect') }, 1],
    ['a timeout', { hang: true, timeoutMs: 50 }, 1],
    ['a missing entity', { failSend: () => new ServiceBusError('no queue', 'MessagingEntityNotFound') }, 0],
  ])('drops the cached client after %s only when the connection is in doubt', async (_l, options, times) => {
    const clients = fakeClients(options);
    await serviceBusConnector(clients, { env: ENV })({
      operation: 'send',
      connection: 'ORDERS_BUS',
      entityName: 'orders',
      message: { body: 'x' },
    });
    expect(clients.discarded).toBe(times);
  });

  it('an unexpected error is terminal ServiceBusFailed', async () => {
    const result = await run({}, { failSend: () => new TypeError('body is not serializable') });
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'ServiceBusFailed' } });
  });

  it('masks the connection string and any key in an error message', async () => {
    const error = new ServiceBusError(
      `Unauthorized for ${SB_CONNECTION} (token SharedAccessSignature sr=x&sig=abcdefgh1234&se=1)`,
      'UnauthorizedAccess',
    );
    const result = await run({}, { failSend: () => error });
    expect(leaks(result)).toBe(false);
    expect(JSON.stringify(result)).not.toContain('abcdefgh1234');
  });
});

describe('inputs', () => {
  it.each([
    [{ entityName: '' }, /inputs\.entityName: /],
    [
      { message: undefined },
      /inputs\.message: expected exactly one of 'message' \(one message\) or 'messages' \(a batch\), found neither/,
    ],
    [{ messages: [{ body: 1 }] }, /inputs\.message: expected exactly one of .* found both/],
    [{ message: { body: 'x', subjct: 'typo' } }, /inputs\.message: .*subjct/],
    [
      { message: { body: 'x', timeToLive: 'one hour' } },
      /inputs\.message\.timeToLive: expected a positive ISO 8601 duration such as PT1H or a number of milliseconds, found 'one hour'/,
    ],
    [
      { message: { body: 'x', scheduledEnqueueTimeUtc: '2030-01-31 09:00' } },
      /inputs\.message\.scheduledEnqueueTimeUtc: expected an ISO 8601 time with a zone/,
    ],
    [
      { message: { body: 'x', applicationProperties: { nested: { a: 1 } } } },
      /inputs\.message\.applicationProperties\.nested: expected a string, number, boolean or null/,
    ],
    [{ message: { body: 'x', sessionId: 's'.repeat(129) } }, /inputs\.message\.sessionId: /],
  ])('refuses %j as a terminal InvalidConnectorInput naming the field', async (inputs, message) => {
    const result = await run(inputs);
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'InvalidConnectorInput' } });
    expect(!result.ok && result.error.message).toMatch(message);
  });

  it.each(['receive', 'complete', 'deadLetter'])(
    'refuses operation %s as terminal OperationNotSupported',
    async (operation) => {
      const result = await run({ operation });
      expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'OperationNotSupported' } });
      expect(!result.ok && result.error.message).toBe(
        `inputs.operation: expected 'send' (the only ServiceBus operation Flowline runs), found '${operation.toLowerCase()}'.`,
      );
    },
  );
});

describe('connection settings', () => {
  it('reads the connection string from the app setting named by connection', () => {
    expect(serviceBusTarget('ORDERS_BUS', ENV)).toMatchObject({
      kind: 'connectionString',
      namespace: 'flowline-test.servicebus.windows.net',
    });
  });

  it.each([
    [{ BUS__fullyQualifiedNamespace: 'sb://ns.servicebus.windows.net/' }, undefined],
    [{ BUS__fullyQualifiedNamespace: 'ns.servicebus.windows.net', BUS__clientId: 'abc-123' }, 'abc-123'],
  ])('selects the managed identity for %j', (env, clientId) => {
    expect(serviceBusTarget('BUS', env)).toEqual({
      kind: 'identity',
      namespace: 'ns.servicebus.windows.net',
      clientId,
    });
  });

  it('uses a connection that is itself a connection string (a resolved secure parameter)', () => {
    expect(serviceBusTarget(SB_CONNECTION, {})).toMatchObject({ kind: 'connectionString' });
  });

  it.each([
    [
      {},
      'ConnectionNotConfigured',
      /expected app setting 'ORDERS_BUS' .* or 'ORDERS_BUS__fullyQualifiedNamespace' \(managed identity\), found neither/,
    ],
    [
      { ORDERS_BUS: 'not a connection string' },
      'InvalidConnection',
      /app setting 'ORDERS_BUS': expected a Service Bus connection string .* found one without an sb:\/\/ Endpoint/,
    ],
    [
      { ORDERS_BUS: 'Endpoint=sb://ns.servicebus.windows.net/;SharedAccessKeyName=k' },
      'InvalidConnection',
      /found one without a SharedAccessKey/,
    ],
  ])('a missing or wrong setting is terminal and names it (%j)', async (env, code, message) => {
    const result = await run({}, {}, env);
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code } });
    expect(!result.ok && result.error.message).toMatch(message);
  });
});
