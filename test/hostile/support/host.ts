/**
 * The real embedded host running the compiled app (dist/, `npm run build` first) over a workflows
 * folder made for these tests: the project's hello.json (a Request trigger with a JSON schema), the
 * split-orders fixture (splitOn over the body), an echo workflow that answers with what the run saw
 * of the request, a workflow with a relativePath and one that parses JSON text from the body.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Flowline, PROJECT_ROOT, startFlowline } from '../../workflows/helpers';

const echo = {
  definition: {
    triggers: { manual: { type: 'Request', kind: 'Http', inputs: { method: 'POST' } } },
    actions: {
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: {
          statusCode: 200,
          body: {
            body: '@triggerBody()',
            proto: "@triggerBody()?['__proto__']",
            ctor: "@triggerBody()?['constructor']",
            union: "@union(json('{}'), triggerBody())?['__proto__']",
            headers: "@triggerOutputs()?['headers']",
            queries: "@triggerOutputs()?['queries']",
          },
        },
      },
    },
  },
  kind: 'Stateful',
};

/** A Request trigger with a relative path; answers with the path parameters the run saw. */
const paths = {
  definition: {
    triggers: {
      manual: { type: 'Request', kind: 'Http', inputs: { method: 'POST', relativePath: 'orders/{id}' } },
    },
    actions: {
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200, body: "@triggerOutputs()?['relativePathParameters']" },
      },
    },
  },
  kind: 'Stateful',
};

/** Parses text from the body with json(); the Response runs whether that worked or not. */
const parse = {
  definition: {
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      Parse: { type: 'Compose', inputs: "@json(triggerBody()?['text'])" },
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200, body: "@actions('Parse')?['status']" },
        runAfter: { Parse: ['Succeeded', 'Failed'] },
      },
    },
  },
  kind: 'Stateful',
};

export interface HostileHost {
  readonly flowline: Flowline;
  stop(): Promise<void>;
}

/** `files` adds JSON files to the workflows folder (more workflows, or a parameters.json). */
export async function startHostileHost(
  settings: Record<string, string> = {},
  files: Record<string, unknown> = {},
): Promise<HostileHost> {
  const dir = mkdtempSync(join(tmpdir(), 'flowline-hostile-'));
  copyFileSync(join(PROJECT_ROOT, 'workflows/hello.json'), join(dir, 'hello.json'));
  copyFileSync(
    join(PROJECT_ROOT, 'test/fixtures/workflows/split-orders.json'),
    join(dir, 'split-orders.json'),
  );
  for (const [name, content] of Object.entries({
    'echo.json': echo,
    'paths.json': paths,
    'parse.json': parse,
    ...files,
  }))
    writeFileSync(join(dir, name), JSON.stringify(content, null, 2));
  const flowline = await startFlowline({ FLOWLINE_WORKFLOWS_DIR: dir, ...settings });
  return {
    flowline,
    async stop() {
      await flowline.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** POSTs raw bytes to a workflow's manual trigger. */
export function post(
  origin: string,
  workflow: string,
  body: string | undefined,
  headers: HeadersInit = {},
  query = '',
): Promise<Response> {
  // Bytes, not a string: fetch would add `content-type: text/plain` to a string body.
  return fetch(`${origin}/api/workflows/${workflow}/triggers/manual/invoke${query}`, {
    method: 'POST',
    headers,
    ...(body === undefined ? {} : { body: new TextEncoder().encode(body) }),
  });
}
