/** The ServiceBus activity maps the action's message fields onto the SDK's messages (recording fakes). */
import { describe, expect, it } from 'vitest';
import type { ServiceBusMessage } from '@azure/service-bus';
import { serviceBusConnector } from '../../../src/connectors/servicebus/index';
import { actionTraceparent } from '../../../src/telemetry/ids';
import { ENV, fakeClients } from './fakes';

const KEY = 'run-0001/Foreach_orders[3]/Send_order';
const CALLER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

async function sendOne(
  message: Record<string, unknown>,
  extra: Record<string, unknown> = {},
): Promise<ServiceBusMessage | undefined> {
  const clients = fakeClients();
  const result = await serviceBusConnector(clients, { env: ENV })({
    operation: 'send',
    connection: 'ORDERS_BUS',
    entityName: 'orders',
    message,
    idempotencyKey: KEY,
    ...extra,
  });
  expect(result).toMatchObject({ ok: true });
  return clients.batches[0]?.[0];
}

describe('message body', () => {
  it.each([
    ['a string as UTF-8 text', 'héllo', 'héllo', 'text/plain; charset=utf-8'],
    ['an object as JSON', { id: 7, lines: [1, 2] }, '{"id":7,"lines":[1,2]}', 'application/json'],
    ['an array as JSON', [1, 'two'], '[1,"two"]', 'application/json'],
    ['a number as JSON', 42, '42', 'application/json'],
    ['null as JSON', null, 'null', 'application/json'],
    [
      'a $content envelope as its bytes',
      { '$content-type': 'application/pdf', $content: Buffer.from('%PDF-1').toString('base64') },
      '%PDF-1',
      'application/pdf',
    ],
  ])('sends %s with a default content type', async (_label, body, bytes, contentType) => {
    const sent = await sendOne({ body });
    expect(Buffer.isBuffer(sent?.body)).toBe(true);
    expect((sent?.body as Buffer).toString('utf8')).toBe(bytes);
    expect(sent?.contentType).toBe(contentType);
  });

  it('keeps the content type the author set', async () => {
    const sent = await sendOne({ body: '<order/>', contentType: 'application/xml' });
    expect(sent?.contentType).toBe('application/xml');
  });

  it('sends an empty body without a content type when there is no body', async () => {
    const sent = await sendOne({ subject: 'ping' });
    expect((sent?.body as Buffer).length).toBe(0);
    expect(sent?.contentType).toBeUndefined();
  });
});

describe('message properties', () => {
  it('maps every supported field', async () => {
    const sent = await sendOne({
      body: 'x',
      applicationProperties: { priority: 2, region: 'north', urgent: true, note: null },
      messageId: 'order-7',
      sessionId: 'customer-42',
      correlationId: 'corr-1',
      subject: 'OrderPlaced',
      partitionKey: 'customer-42',
      replyTo: 'replies',
      replyToSessionId: 'reply-session',
      to: 'fulfilment',
      timeToLive: 'PT1H30M',
      scheduledEnqueueTimeUtc: '2030-01-31T09:00:00Z',
    });
    expect(sent).toMatchObject({
      applicationProperties: { priority: 2, region: 'north', urgent: true, note: null },
      messageId: 'order-7',
      sessionId: 'customer-42',
      correlationId: 'corr-1',
      subject: 'OrderPlaced',
      partitionKey: 'customer-42',
      replyTo: 'replies',
      replyToSessionId: 'reply-session',
      to: 'fulfilment',
      timeToLive: 5_400_000,
    });
    expect(sent?.scheduledEnqueueTimeUtc).toEqual(new Date(Date.UTC(2030, 0, 31, 9)));
  });

  it('sets nothing the author did not set (besides the message id and the trace context)', async () => {
    const sent = await sendOne({ body: 'x' });
    expect(Object.keys(sent ?? {}).sort()).toEqual([
      'applicationProperties',
      'body',
      'contentType',
      'messageId',
    ]);
    expect(Object.keys(sent?.applicationProperties ?? {})).toEqual(['Diagnostic-Id']);
  });

  it.each([
    ['the run has no incoming trace', {}, actionTraceparent(KEY, undefined)],
    ['the run joined a caller trace', { traceparent: CALLER }, actionTraceparent(KEY, CALLER)],
  ])("sends the action's span as Diagnostic-Id when %s", async (_label, extra, expected) => {
    const sent = await sendOne({ body: 'x', applicationProperties: { region: 'north' } }, extra);
    expect(sent?.applicationProperties).toEqual({ 'Diagnostic-Id': expected, region: 'north' });
    expect(expected).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/);
  });

  it('keeps a Diagnostic-Id the author set', async () => {
    const sent = await sendOne({ body: 'x', applicationProperties: { 'Diagnostic-Id': 'mine' } });
    expect(sent?.applicationProperties).toEqual({ 'Diagnostic-Id': 'mine' });
  });

  it.each([
    ['a number of milliseconds', 60_000, 60_000],
    ['an ISO 8601 duration', 'P1D', 86_400_000],
  ])('reads timeToLive given as %s', async (_label, timeToLive, ms) => {
    expect((await sendOne({ body: 'x', timeToLive }))?.timeToLive).toBe(ms);
  });

  it('converts a scheduled time with an offset to the same instant', async () => {
    const sent = await sendOne({ body: 'x', scheduledEnqueueTimeUtc: '2030-01-31T10:00:00+01:00' });
    expect(sent?.scheduledEnqueueTimeUtc?.toISOString()).toBe('2030-01-31T09:00:00.000Z');
  });

  it("uses the action's sessionId for a message without its own", async () => {
    expect((await sendOne({ body: 'x' }, { sessionId: 'shared' }))?.sessionId).toBe('shared');
    expect((await sendOne({ body: 'x', sessionId: 'own' }, { sessionId: 'shared' }))?.sessionId).toBe('own');
  });
});

describe('message id (duplicate detection)', () => {
  it("defaults to the engine's idempotency key, so a re-run sends the same id", async () => {
    expect((await sendOne({ body: 'x' }))?.messageId).toBe(KEY);
    expect((await sendOne({ body: 'x' }))?.messageId).toBe(KEY);
  });

  it('uses the SHA-256 of a key longer than 128 characters, the same every time', async () => {
    const long = `run/${'Foreach[1]/'.repeat(15)}Send`;
    const first = await sendOne({ body: 'x' }, { idempotencyKey: long });
    const again = await sendOne({ body: 'x' }, { idempotencyKey: long });
    expect(first?.messageId).toMatch(/^[0-9a-f]{64}$/);
    expect(again?.messageId).toBe(first?.messageId);
  });

  it('gives each batch member the key plus its index', async () => {
    const clients = fakeClients();
    const result = await serviceBusConnector(clients, { env: ENV })({
      operation: 'Send',
      connection: 'ORDERS_BUS',
      entityName: 'orders',
      messages: [{ body: 'a' }, { body: 'b', messageId: 'mine' }, { body: 'c' }],
      idempotencyKey: KEY,
    });
    expect(clients.batches.flat().map((m) => m.messageId)).toEqual([`${KEY}/0`, 'mine', `${KEY}/2`]);
    expect(result).toMatchObject({
      ok: true,
      outputs: { body: { messageIds: [`${KEY}/0`, 'mine', `${KEY}/2`] } },
    });
  });

  it('makes up a unique id when the engine gave no key', async () => {
    const id = (await sendOne({ body: 'x' }, { idempotencyKey: undefined }))?.messageId;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
  });
});
