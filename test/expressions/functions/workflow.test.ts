import { describe, expect, it } from 'vitest';
import type { EvaluationContext } from '../../../src/expressions/context';
import { evaluateText } from '../../../src/expressions/run';
import { createStaticContext, type StaticContextData } from '../../../src/expressions/static-context';
import { workflowFunctions } from '../../../src/expressions/functions/workflow';
import { errorOf, run } from './helpers';

const getUser = {
  status: 'Succeeded',
  code: 'OK',
  startTime: '2018-04-15T13:00:00Z',
  endTime: '2018-04-15T13:00:01Z',
  inputs: { method: 'GET', uri: 'https://contoso.com/users/1' },
  outputs: {
    statusCode: 200,
    headers: { 'Content-Type': 'application/json' },
    body: { FullName: 'Sophia Owen', Email: 'sophia@contoso.com' },
  },
};
const feedUrl = 'https://feeds.a.dj.com/rss/RSSMarketsMain.xml';
const formBody = (text: string) => ({
  '$content-type': 'application/x-www-form-urlencoded',
  $content: btoa(text),
});

const data: StaticContextData = {
  now: '2018-04-15T13:00:00Z',
  parameters: { fullName: 'Sophia Owen' },
  variables: { numItems: 20 },
  actions: {
    Get_user: getUser,
    Send_an_email: { outputs: { body: formBody('Subject=Hello%20world&To=a&To=b') } },
    Skipped_step: { status: 'Skipped' },
    No_body: { outputs: { statusCode: 202 } },
    Upload: {
      outputs: {
        body: {
          '$content-type': 'multipart/form-data; boundary=x',
          $multipart: [
            { headers: { 'Content-Disposition': 'form-data; name="file"' }, body: 'first part' },
            { headers: { 'Content-Disposition': 'form-data; name="meta"' }, body: { a: 1 } },
          ],
        },
      },
    },
  },
  trigger: {
    outputs: {
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: {
        $formdata: [{ key: 'feedUrl', value: feedUrl }],
        $multipart: [
          { headers: { 'Content-Disposition': 'form-data; name="feedUrl"' }, body: 'trigger part' },
        ],
      },
    },
  },
  items: { For_each: { id: 7, name: 'widget' }, Inner_loop: 'inner' },
  iterationIndexes: { Until: 2 },
  results: { Scope: [{ name: 'Compose', status: 'Failed', outputs: { body: 1 }, error: { code: 'X' } }] },
  appsettings: { WEBSITE_SITE_NAME: 'flowline-app' },
  workflow: { name: 'order-flow', run: { name: '08585', type: 'Microsoft.Logic/workflows/runs' } },
};

const documented: [expression: string, expected: unknown][] = [
  ["actionBody('Get_user')", getUser.outputs.body],
  ["body('Get_user')", getUser.outputs.body],
  ["actionOutputs('Get_user')", getUser.outputs],
  ["outputs('Get_user')", getUser.outputs],
  ["formDataMultiValues('Send_an_email', 'Subject')", ['Hello world']],
  ["formDataValue('Send_an_email', 'Subject')", 'Hello world'],
  ["triggerFormDataMultiValues('feedUrl')", [feedUrl]],
  ["triggerFormDataValue('feedUrl')", feedUrl],
  ["parameters('fullName')", 'Sophia Owen'],
  ["variables('numItems')", 20],
  ['workflow().run.name', '08585'],
  ["items('For_each')", { id: 7, name: 'widget' }],
  ["iterationIndexes('Until')", 2],
];

describe('workflow functions: documented examples', () => {
  it.each(documented)('%s returns the documented value', (expression, expected) => {
    expect(run(expression, data)).toEqual(expected);
  });
});

const behaviour: [expression: string, expected: unknown][] = [
  [
    "actions('Get_user')",
    {
      name: 'Get_user',
      inputs: getUser.inputs,
      outputs: getUser.outputs,
      startTime: getUser.startTime,
      endTime: getUser.endTime,
      code: 'OK',
      status: 'Succeeded',
    },
  ],
  ["actions('Skipped_step').status", 'Skipped'],
  ["formDataMultiValues('Send_an_email', 'To')", ['a', 'b']],
  ["formDataMultiValues('Send_an_email', 'Missing')", []],
  ["multipartBody('Upload', 0)", 'first part'],
  ["multipartBody('Upload', 1)", { a: 1 }],
  ['triggerMultipartBody(0)', 'trigger part'],
  ["formDataValue('Upload', 'file')", 'first part'],
  ['triggerBody().$formdata[0].key', 'feedUrl'],
  ["triggerOutputs().headers['Content-Type']", 'application/x-www-form-urlencoded'],
  ['trigger().name', 'manual'],
  ['item()', 'inner'],
  ["result('Scope')", [{ name: 'Compose', status: 'Failed', outputs: { body: 1 }, error: { code: 'X' } }]],
  ["appsetting('WEBSITE_SITE_NAME')", 'flowline-app'],
  ["BODY('Get_user').FullName", 'Sophia Owen'],
];

describe('workflow functions: behaviour', () => {
  it.each(behaviour)('%s returns %j', (expression, expected) => {
    expect(run(expression, data)).toEqual(expected);
  });
});

const errors: [expression: string, message: RegExp][] = [
  ["body('Missing')", /^The action 'Missing' is not found\.$/],
  ["actions('Missing')", /^The action 'Missing' is not found\.$/],
  ["parameters('nope')", /^The workflow parameter 'nope' is not found\.$/],
  ["variables('nope')", /^The variable 'nope' is not initialized\.$/],
  ["body('Skipped_step')", /its status is 'Skipped' and it has no outputs/],
  ["body('No_body')", /property 'body' doesn't exist .*available properties are 'statusCode'/],
  ["formDataValue('Send_an_email', 'To')", /has 2 values; use formDataMultiValues/],
  ["formDataValue('Get_user', 'x')", /expects the body of 'Get_user' to be form-data/],
  ["multipartBody('Upload', 5)", /has 2 parts \(index 0 to 1\), not 5/],
  ["items('Other_loop')", /'Other_loop', which is not a 'Foreach' loop/],
  ["iterationIndexes('For_each')", /not an 'Until' loop/],
  ["result('Nope')", /not a scoped action/],
  ["appsetting('NOPE')", /The app setting 'NOPE' is not found/],
  ['action()', /can only be used inside an action's trackedProperties/],
  ['listCallbackUrl()', /can only be used in an HttpWebhook or ApiConnectionWebhook trigger or action/],
  ['parameters(1)', /expects its first parameter to be a string/],
];

describe('workflow functions: errors', () => {
  it.each(errors)('%s fails with a clear message', (expression, message) => {
    expect(errorOf(expression, data)).toMatch(message);
  });

  it('fails outside a run when there is no trigger', () => {
    expect(errorOf('triggerBody()')).toMatch(/no trigger output outside a run/);
  });
});

describe('workflow functions: context-only members', () => {
  const base = createStaticContext(data);
  const ctx: EvaluationContext = {
    ...base,
    callbackUrl: () => 'https://localhost:7071/api/order-flow/triggers/manual/invoke?sig=abc',
    currentAction: () => ({ name: 'Until', type: 'Until', status: 'Running', inputs: { count: 3 } }),
  };

  it('listCallbackUrl returns the URL the host supplies', () => {
    expect(evaluateText('listCallbackUrl()', ctx)).toBe(
      'https://localhost:7071/api/order-flow/triggers/manual/invoke?sig=abc',
    );
  });

  it('action() returns the current action as a snapshot', () => {
    expect(evaluateText('action()', ctx)).toEqual({ name: 'Until', status: 'Running', inputs: { count: 3 } });
  });
});

describe('workflow functions: references for the static checker', () => {
  const kinds = Object.fromEntries(workflowFunctions.map((f) => [f.name, f.references]));
  it.each([
    ['actions', 'action'],
    ['body', 'action'],
    ['actionBody', 'action'],
    ['outputs', 'action'],
    ['actionOutputs', 'action'],
    ['formDataValue', 'action'],
    ['formDataMultiValues', 'action'],
    ['multipartBody', 'action'],
    ['items', 'loop'],
    ['iterationIndexes', 'untilLoop'],
    ['parameters', 'parameter'],
    ['variables', 'variable'],
    ['result', 'scope'],
  ])('%s names a %s', (name, kind) => {
    expect(kinds[name]).toBe(kind);
  });
});
