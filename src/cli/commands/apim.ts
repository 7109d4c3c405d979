/**
 * `flowline apim [--out dir] ...`: the API Management artifacts of the workflows' Request triggers:
 * the OpenAPI document, the API and operation policies and the named values they use (see
 * src/gateway/apim/export.ts). infra/ deploys them; azure.yaml runs this before provisioning.
 */
import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { Catalog, workflowsDir } from '../../functions/workflows/catalog';
import { apimArtifacts } from '../../gateway/apim/export';
import { DEFAULT_POLICY_OPTIONS, type TokenPolicy } from '../../gateway/apim/policies';
import { version } from '../../version';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline apim [--out dir] [--workflows dir] [--token-policy azure-ad|jwt]
                    [--client-app-id id]... [--cors-origin uri]... [--rate-limit calls/seconds]
                    [--server url] [--tenant id] [--title text]

Writes the API Management artifacts of every Request trigger in the workflows folder (default
./workflows, or FLOWLINE_WORKFLOWS_DIR) to --out (default infra/apim): openapi.json,
policies/api.xml, policies/<operationId>.xml for triggers with an 'authorization' block,
operation-policies.json and named-values.json. Stale policies/*.xml files are removed.

--token-policy      validate-azure-ad-token (azure-ad, default) or validate-jwt (jwt)
--client-app-id     a client application allowed to call (azure-ad; default: named value
                    {{entra-client-app-id}}); repeat for several
--cors-origin       an allowed browser origin (default: named value {{cors-origin}}); repeatable
--rate-limit        calls per period per token subject, e.g. 100/60 (default; period at most 300 s)
--server, --tenant, --title   as for flowline openapi`;

const fail = (message: string): number => {
  process.stderr.write(`flowline apim: ${message}\n${USAGE}\n`);
  return 1;
};

export const apimCommand: Command = {
  name: 'apim',
  summary: 'Write the API Management API definition, policies and named values',
  async run(argv) {
    const parsed = parseCommand('apim', USAGE, argv, {
      out: { type: 'string' },
      workflows: { type: 'string' },
      'token-policy': { type: 'string' },
      'client-app-id': { type: 'string', multiple: true },
      'cors-origin': { type: 'string', multiple: true },
      'rate-limit': { type: 'string' },
      server: { type: 'string' },
      tenant: { type: 'string' },
      title: { type: 'string' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    const tokenPolicy = TOKEN_POLICIES[values['token-policy'] ?? 'azure-ad'];
    if (tokenPolicy === undefined) return fail(`unknown --token-policy '${values['token-policy']}'.`);
    const rate = /^(\d+)\/(\d+)s?$/.exec(values['rate-limit'] ?? '100/60');
    const [calls, period] = [Number(rate?.[1]), Number(rate?.[2])];
    if (rate === null || calls < 1 || period < 1 || period > 300) {
      return fail(`--rate-limit must be calls/seconds with 1-300 seconds, got '${values['rate-limit']}'.`);
    }

    const dir = values.workflows === undefined ? workflowsDir(process.cwd()) : resolve(values.workflows);
    const entries = await new Catalog(dir).list();
    for (const entry of entries.filter((e) => e.definition === undefined)) {
      process.stderr.write(`flowline apim: skipped ${entry.file}: it has errors (run flowline validate).\n`);
    }
    let files;
    try {
      files = apimArtifacts(
        entries,
        {
          title: values.title ?? 'Flowline workflows',
          version,
          ...(values.server === undefined ? {} : { serverUrl: values.server }),
          ...(values.tenant === undefined ? {} : { tenant: values.tenant }),
        },
        {
          ...DEFAULT_POLICY_OPTIONS,
          tokenPolicy,
          clientAppIds: values['client-app-id'] ?? [],
          corsOrigins: values['cors-origin'] ?? [],
          rateLimit: { calls, renewalPeriod: period },
        },
      );
    } catch (error) {
      return fail((error as Error).message);
    }

    const out = resolve(values.out ?? join('infra', 'apim'));
    const written = new Set(files.map((f) => f.path));
    const policies = join(out, 'policies');
    const existing = await readdir(policies).catch(() => [] as string[]);
    for (const name of existing.filter((n) => n.endsWith('.xml') && !written.has(`policies/${n}`))) {
      await rm(join(policies, name));
    }
    for (const file of files) {
      const target = join(out, file.path);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, file.content, 'utf8');
    }
    process.stdout.write(`flowline apim: wrote ${files.length} files to ${out}\n`);
    return 0;
  },
};

const TOKEN_POLICIES: Record<string, TokenPolicy | undefined> = {
  'azure-ad': 'validate-azure-ad-token',
  'validate-azure-ad-token': 'validate-azure-ad-token',
  jwt: 'validate-jwt',
  'validate-jwt': 'validate-jwt',
};
