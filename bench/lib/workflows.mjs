// The workflow definitions the Flowline suites run, written as WDL files into a folder the host serves.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SCHEMA =
  'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#';
const http = (uri, runAfter) => ({ type: 'Http', inputs: { method: 'GET', uri }, runAfter });

/** An HTTP-triggered workflow whose Response action runs after `replyAfter` and answers `body`. */
const workflow = (actions, replyAfter, body) => ({
  definition: {
    $schema: SCHEMA,
    contentVersion: '1.0.0.0',
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      ...actions,
      Reply: { type: 'Response', kind: 'Http', inputs: { statusCode: 200, body }, runAfter: replyAfter },
    },
  },
  kind: 'Stateful',
});

/** One Http action and a Response that answers the backend's body. */
const oneHttp = (uri) => workflow({ Call: http(uri, {}) }, { Call: ['Succeeded'] }, "@body('Call')");

const parallel = (uri, branches) => {
  const actions = {};
  const after = {};
  for (let i = 1; i <= branches; i++) {
    actions[`Branch_${i}`] = http(uri, {});
    after[`Branch_${i}`] = ['Succeeded'];
  }
  return workflow(actions, after, `@body('Branch_${branches}')`);
};

/**
 * `items` Http calls in a Foreach. With concurrency 1 it is a sequential chain: a workflow may hold at
 * most 500 actions (the Logic Apps limit, enforced by the loader), so a chain of 1,000 Http actions can
 * only be written as a loop, and every chain length uses the same loop so that lengths compare.
 */
const foreach = (uri, items, concurrency) =>
  workflow(
    {
      Each: {
        type: 'Foreach',
        foreach: `@range(0, ${items})`,
        runtimeConfiguration: { concurrency: { repetitions: concurrency } },
        actions: { Call: http(uri, {}) },
        runAfter: {},
      },
    },
    { Each: ['Succeeded'] },
    "@length(result('Each'))",
  );

/** Writes every benchmark workflow for backend `uri` into `dir`; returns the names. */
export function writeWorkflows(dir, uri, { chains, foreachSizes, foreachConcurrency, branches }) {
  mkdirSync(dir, { recursive: true });
  const files = {
    'one-http': oneHttp(uri),
    [`parallel-${branches}`]: parallel(uri, branches),
  };
  for (const length of chains) files[`chain-${length}`] = foreach(uri, length, 1);
  for (const items of foreachSizes) files[`foreach-${items}`] = foreach(uri, items, foreachConcurrency);
  for (const [name, value] of Object.entries(files)) {
    writeFileSync(join(dir, `${name}.json`), JSON.stringify(value, null, 1));
  }
  return Object.keys(files);
}
