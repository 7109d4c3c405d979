import { type Template, workflowFile } from './file';

export const approval: Template = {
  summary: 'Ask a person through a webhook, wait up to a day, act on the answer',
  workflow: workflowFile({
    description: 'Asks an approval service to approve a request and waits up to one day for the answer.',
    triggers: {
      manual: {
        type: 'Request',
        kind: 'Http',
        inputs: {
          schema: { type: 'object', required: ['requestId'], properties: { requestId: { type: 'string' } } },
        },
      },
    },
    actions: {
      Initialize_outcome: {
        type: 'InitializeVariable',
        inputs: { variables: [{ name: 'outcome', type: 'String', value: 'timed out' }] },
      },
      Ask_for_approval: {
        type: 'HttpWebhook',
        inputs: {
          subscribe: {
            method: 'POST',
            uri: "@{appsetting('APPROVAL_API_URL')}/requests",
            body: { requestId: "@triggerBody()['requestId']", callbackUrl: '@listCallbackUrl()' },
          },
          unsubscribe: {
            method: 'DELETE',
            uri: "@{appsetting('APPROVAL_API_URL')}/requests/@{triggerBody()['requestId']}",
          },
        },
        limit: { timeout: 'P1D' },
        runAfter: { Initialize_outcome: ['Succeeded'] },
      },
      Decide: {
        type: 'If',
        expression: "@equals(body('Ask_for_approval')?['approved'], true)",
        actions: { Approved: { type: 'SetVariable', inputs: { name: 'outcome', value: 'approved' } } },
        else: {
          actions: { Rejected: { type: 'SetVariable', inputs: { name: 'outcome', value: 'rejected' } } },
        },
        runAfter: { Ask_for_approval: ['Succeeded'] },
      },
      Done: {
        type: 'Compose',
        inputs: "@variables('outcome')",
        runAfter: { Decide: ['Succeeded', 'Skipped'], Ask_for_approval: ['Succeeded', 'TimedOut'] },
      },
    },
    outputs: { outcome: { type: 'String', value: "@outputs('Done')" } },
  }),
  tests: {
    tests: [
      {
        name: 'approves when the approver says yes',
        trigger: { body: { requestId: 'r-1' } },
        mocks: { Ask_for_approval: { statusCode: 201 } },
        events: [
          { name: 'webhook:Ask_for_approval', payload: { body: { approved: true } }, afterMs: 3600000 },
        ],
        expect: { status: 'Succeeded', outputs: { outcome: 'approved' } },
      },
      {
        name: 'gives up after a day without an answer',
        trigger: { body: { requestId: 'r-2' } },
        mocks: { Ask_for_approval: { statusCode: 201 } },
        expect: {
          status: 'Succeeded',
          outputs: { outcome: 'timed out' },
          actions: { Ask_for_approval: { status: 'TimedOut' } },
        },
      },
    ],
  },
};
