/**
 * workflows/publish-order.json. No Service Bus runs here, so the workflow runs on the test harness with
 * the ServiceBus action mocked; the connector's own mapping to `@azure/service-bus` messages is tested
 * in test/connectors/servicebus/.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflow } from '../../src/testing/index';

const FILE = resolve(__dirname, '../../workflows/publish-order.json');
const order = { orderId: 'o-7', customerId: 'c-1', region: 'emea' };

describe('workflows/publish-order.json (on the test harness)', () => {
  it('publishes the order with its session, subject and properties and answers 202', async () => {
    const wf = await loadWorkflow(FILE);
    const run = await wf.run(
      { body: order },
      {
        mocks: {
          Publish_order: (call) => {
            expect(call.inputs).toMatchObject({
              operation: 'send',
              connection: 'ORDERS_BUS',
              entityName: 'orders',
              message: {
                body: order,
                applicationProperties: { region: 'emea' },
                sessionId: 'c-1',
                subject: 'OrderPlaced',
              },
            });
            return { outputs: { body: { entityName: 'orders', sent: 1, batches: 1, messageId: 'm-1' } } };
          },
        },
      },
    );
    expect(run.response).toMatchObject({
      statusCode: 202,
      body: { orderId: 'o-7', published: { sent: 1, messageId: 'm-1' } },
    });
  });

  it('answers 503 with the error code when the bus stays busy after the retries', async () => {
    const wf = await loadWorkflow(FILE);
    const busy = {
      status: 'Failed',
      retryable: true,
      error: { code: 'ServiceBusy', message: 'busy' },
    } as const;
    const run = await wf.run({ body: order }, { mocks: { Publish_order: busy } });
    expect(run.retries('Publish_order')).toBe(4);
    expect(run.response).toMatchObject({ statusCode: 503, body: { error: 'ServiceBusy' } });
  });
});
