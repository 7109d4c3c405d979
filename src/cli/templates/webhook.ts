import { type Template, workflowFile } from './file';

export const webhook: Template = {
  summary: 'Receive events from another system, keep the ones you want, forward them',
  workflow: workflowFile({
    description:
      'Receives order events at /events/orders and forwards the created ones; other events start no run.',
    triggers: {
      events: {
        type: 'Request',
        kind: 'Http',
        inputs: {
          method: 'POST',
          relativePath: 'events/orders',
          schema: {
            type: 'object',
            required: ['type', 'data'],
            properties: { type: { type: 'string' }, data: { type: 'object' } },
          },
        },
        conditions: [{ expression: "@equals(triggerBody()['type'], 'order.created')" }],
      },
    },
    actions: {
      Forward: {
        type: 'Http',
        inputs: {
          method: 'POST',
          uri: "@{appsetting('ORDERS_API_URL')}/orders",
          body: "@triggerBody()['data']",
        },
      },
      Accepted: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 202 },
        runAfter: { Forward: ['Succeeded'] },
      },
    },
  }),
  tests: {
    tests: [
      {
        name: 'forwards a created order',
        trigger: { body: { type: 'order.created', data: { id: 'o-1' } } },
        mocks: { Forward: { statusCode: 200 } },
        expect: {
          status: 'Succeeded',
          response: { statusCode: 202 },
          actions: { Forward: { inputs: { body: { id: 'o-1' } } } },
        },
      },
    ],
  },
};
