import { type Template, workflowFile } from './file';

export const batch: Template = {
  summary: 'Send every item of a batch to an API, ten at a time, and report how many went through',
  workflow: workflowFile({
    description: 'Posts each item of the batch to the items API, ten at a time.',
    triggers: {
      manual: {
        type: 'Request',
        kind: 'Http',
        inputs: {
          schema: {
            type: 'object',
            required: ['items'],
            properties: { items: { type: 'array', items: { type: 'object' } } },
          },
        },
      },
    },
    actions: {
      Send_each: {
        type: 'Foreach',
        foreach: "@triggerBody()['items']",
        runtimeConfiguration: { concurrency: { repetitions: 10 } },
        actions: {
          Send_item: {
            type: 'Http',
            inputs: {
              method: 'POST',
              uri: "@{appsetting('ITEMS_API_URL')}/items",
              body: "@items('Send_each')",
            },
          },
        },
      },
      Report: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200, body: { sent: "@length(triggerBody()['items'])" } },
        runAfter: { Send_each: ['Succeeded'] },
      },
    },
  }),
  tests: {
    tests: [
      {
        name: 'sends every item and reports the count',
        trigger: { body: { items: [{ id: 1 }, { id: 2 }, { id: 3 }] } },
        mocks: { Send_item: { statusCode: 201 } },
        expect: { status: 'Succeeded', response: { statusCode: 200, body: { sent: 3 } } },
      },
      {
        name: 'fails the batch when an item is refused',
        trigger: { body: { items: [{ id: 1 }] } },
        mocks: { Send_item: { statusCode: 400 } },
        expect: { status: 'Failed', actions: { Send_item: { status: 'Failed', code: 'BadRequest' } } },
      },
    ],
  },
};
