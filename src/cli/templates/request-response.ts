import { type Template, workflowFile } from './file';

export const requestResponse: Template = {
  summary: 'An HTTP API: validate the body against a schema, compute, answer',
  workflow: workflowFile({
    description: 'Answers a greeting for the name in the request body.',
    triggers: {
      manual: {
        type: 'Request',
        kind: 'Http',
        inputs: {
          method: 'POST',
          schema: {
            type: 'object',
            required: ['name'],
            properties: { name: { type: 'string', minLength: 1 } },
          },
        },
      },
    },
    actions: {
      Greeting: { type: 'Compose', inputs: "Hello, @{triggerBody()['name']}!" },
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200, body: { message: "@outputs('Greeting')" } },
        runAfter: { Greeting: ['Succeeded'] },
      },
    },
  }),
  tests: {
    tests: [
      {
        name: 'answers 200 with a greeting',
        trigger: { body: { name: 'Ada' } },
        expect: { status: 'Succeeded', response: { statusCode: 200, body: { message: 'Hello, Ada!' } } },
      },
      { name: 'refuses a body without a name', trigger: { body: {} }, expect: { rejected: true } },
    ],
  },
};
