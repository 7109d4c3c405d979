/**
 * The run's incoming trace context reaches every activity that calls out: Http and the connector
 * actions get the trigger call's traceparent beside their idempotency key, so the activity can name
 * the action's span as the parent of the backend's work.
 */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/expressions/values';
import { inputOf } from './helpers';
import { runWorkflow } from './memory-port';

const CALLER = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

const ACTIONS: Record<string, JsonObject> = {
  Http: { type: 'Http', inputs: { method: 'POST', uri: 'https://backend.example/orders' } },
  Soap: {
    type: 'Soap',
    inputs: { uri: 'https://backend.example/soap', operation: 'Convert', namespace: 'urn:x', body: {} },
  },
  ServiceBus: {
    type: 'ServiceBus',
    inputs: { operation: 'send', connection: 'BUS', entityName: 'orders', message: { body: 'x' } },
  },
};

describe('trace context for activities', () => {
  it.each(Object.keys(ACTIONS))('passes the caller traceparent to a %s action', (type) => {
    const actions = { Call: ACTIONS[type] as JsonObject };
    const traced = runWorkflow(inputOf(actions, {}, { traceparent: CALLER }), { runId: 'run-1' });
    expect(traced.port.calls[0]?.input).toMatchObject({ idempotencyKey: 'run-1/Call', traceparent: CALLER });
    const untraced = runWorkflow(inputOf(actions), { runId: 'run-1' });
    expect(untraced.port.calls[0]?.input).not.toHaveProperty('traceparent');
  });
});
