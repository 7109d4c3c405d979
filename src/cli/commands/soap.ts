import { readFile } from 'node:fs/promises';
import { egressFromEnvironment } from '../../connectors/http/egress';
import { send } from '../../connectors/http/send';
import { actionSkeletons, readWsdl, WsdlError } from '../../connectors/soap/wsdl';
import { XmlError } from '../../connectors/soap/xml';
import { parseCommand } from '../args';
import type { Command } from '../command';

const USAGE = `Usage: flowline soap import <wsdl file or http(s) URL> [--uri-setting NAME] [--port NAME]

Reads a WSDL 1.1 document and prints one ready-to-paste Soap action per operation of each SOAP 1.1
or 1.2 port, as a JSON object to merge into a workflow's "actions": endpoint, soapVersion, operation,
namespace, soapAction and a body skeleton from the WSDL's schema (placeholders such as "<decimal>").
--uri-setting NAME  write the endpoint as @{appsetting('NAME')} instead of the WSDL's address
--port NAME         only the operations of this port (e.g. the SOAP 1.2 one)
A URL is fetched under the same egress policy as the connectors. DTDs and entities are refused and
imports are not followed.`;

const MAX_WSDL_BYTES = 10 * 1024 * 1024;

export const soapCommand: Command = {
  name: 'soap',
  summary: 'Print ready-to-paste Soap actions for the operations of a WSDL (soap import <wsdl>)',
  async run(argv) {
    const parsed = parseCommand(
      'soap',
      USAGE,
      argv,
      { 'uri-setting': { type: 'string' }, port: { type: 'string' } },
      true,
    );
    if (typeof parsed === 'number') return parsed;
    const { values, positionals } = parsed;
    const [sub, source, ...extra] = positionals;
    if (sub !== 'import' || source === undefined || extra.length > 0) {
      process.stderr.write(`${USAGE}\n`);
      return 1;
    }
    try {
      const all = readWsdl(await load(source));
      const operations = values.port === undefined ? all : all.filter((op) => op.port === values.port);
      if (operations.length === 0) {
        const ports = [...new Set(all.map((op) => op.port))].join(', ');
        throw new WsdlError(`--port: expected one of ${ports}, found '${values.port ?? ''}'.`);
      }
      const uriSetting = values['uri-setting'];
      const actions = actionSkeletons(operations, uriSetting === undefined ? {} : { uriSetting });
      process.stdout.write(`${JSON.stringify(actions, null, 2)}\n`);
      return 0;
    } catch (error) {
      if (!(error instanceof WsdlError || error instanceof XmlError || isFileError(error))) throw error;
      process.stderr.write(`flowline soap import: ${(error as Error).message}\n`);
      return 1;
    }
  },
};

const isFileError = (error: unknown): boolean => error instanceof Error && 'code' in error && 'path' in error;

async function load(source: string): Promise<string> {
  if (!/^https?:\/\//i.test(source)) return readFile(source, 'utf8');
  const result = await send({
    method: 'GET',
    url: new URL(source),
    headers: { accept: 'text/xml, application/xml, application/wsdl+xml' },
    body: undefined,
    timeoutMs: 30_000,
    maxBytes: MAX_WSDL_BYTES,
    egress: egressFromEnvironment(),
  });
  switch (result.kind) {
    case 'response':
      if (result.response.statusCode >= 200 && result.response.statusCode < 300)
        return result.response.body.toString('utf8');
      throw new WsdlError(`${source}: expected the WSDL, found HTTP status ${result.response.statusCode}.`);
    case 'denied':
      throw new WsdlError(`${source}: blocked by the egress policy: ${result.reason}.`);
    case 'timeout':
      throw new WsdlError(`${source}: no answer within 30 s.`);
    case 'too-large':
      throw new WsdlError(`${source}: the WSDL is larger than ${result.limit} bytes.`);
    case 'connection':
      throw new WsdlError(`${source}: the connection failed: ${result.message}.`);
  }
}
