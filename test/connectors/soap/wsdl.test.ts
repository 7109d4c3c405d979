/** `flowline soap import`: WSDL operations as ready-to-paste Soap actions. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { soapCommand } from '../../../src/cli/commands/soap';
import { actionSkeletons, readWsdl, WsdlError } from '../../../src/connectors/soap/wsdl';
import { loadWorkflowFile } from '../../../src/definition/loader';
import { standardText } from '../../definition/helpers';
import { CURRENCY_NS, CURRENCY_WSDL, FIXTURES, type SoapBackend, startCurrencyService } from './servers';

const currency = readWsdl(readFileSync(CURRENCY_WSDL, 'utf8'));
const catalog = readWsdl(readFileSync(join(FIXTURES, 'catalog-rpc.wsdl'), 'utf8'));

describe('reading a WSDL', () => {
  it('lists each operation of each SOAP port: two operations on a 1.1 and a 1.2 binding', () => {
    expect(currency.map((op) => [op.port, op.soapVersion, op.name, op.location])).toEqual([
      ['CurrencySoap', '1.1', 'Convert', 'http://localhost/soap/currency'],
      ['CurrencySoap', '1.1', 'ListCurrencies', 'http://localhost/soap/currency'],
      ['CurrencySoap12', '1.2', 'Convert', 'http://localhost/soap/currency12'],
      ['CurrencySoap12', '1.2', 'ListCurrencies', 'http://localhost/soap/currency12'],
    ]);
  });

  it('keys the actions by operation, the second port suffixed, each ready to paste', () => {
    const actions = actionSkeletons(currency);
    expect(Object.keys(actions)).toEqual([
      'Convert',
      'ListCurrencies',
      'Convert_CurrencySoap12',
      'ListCurrencies_CurrencySoap12',
    ]);
    expect(actions['Convert']).toEqual({
      type: 'Soap',
      description: 'CurrencyService.CurrencySoap: Convert (SOAP 1.1, document/literal).',
      inputs: {
        uri: 'http://localhost/soap/currency',
        soapVersion: '1.1',
        operation: 'Convert',
        namespace: CURRENCY_NS,
        soapAction: `${CURRENCY_NS}/Convert`,
        body: { from: '<CHF|EUR|GBP|USD>', to: '<CHF|EUR|GBP|USD>', amount: '<decimal>' },
      },
      runAfter: {},
    });
    expect(actions['ListCurrencies_CurrencySoap12']).toMatchObject({
      inputs: { soapVersion: '1.2', body: { region: '<string>' }, arrayElements: ['currency'] },
    });
  });

  it.each([
    ['currency.wsdl', currency],
    ['catalog-rpc.wsdl', catalog],
  ])(
    'the actions of %s pasted into a workflow validate with no errors and no warnings',
    async (_file, ops) => {
      const file = join(mkdtempSync(join(tmpdir(), 'flowline-wsdl-')), 'pasted.json');
      writeFileSync(file, standardText(actionSkeletons(ops)));
      const result = await loadWorkflowFile(file);
      expect([...result.errors, ...result.warnings].map((d) => d.message)).toEqual([]);
    },
  );

  it('rpc style: the operation name wraps one element per part, unqualified, in the soap:body namespace', () => {
    expect(actionSkeletons(catalog, { uriSetting: 'CATALOG_URL' })).toEqual({
      GetTree: {
        type: 'Soap',
        description:
          "Catalog.CatalogSoap: GetTree (SOAP 1.1, rpc/literal). The type {urn:elsewhere}Filter is not in the WSDL's own types (imports are not followed).",
        inputs: {
          uri: "@{appsetting('CATALOG_URL')}",
          soapVersion: '1.1',
          operation: 'GetTree',
          namespace: 'urn:flowline:catalog:rpc',
          soapAction: '',
          elementForm: 'unqualified',
          body: { rootId: '<int>', filter: '<Filter>' },
          arrayElements: ['child'],
        },
        runAfter: {},
      },
    });
  });

  it.each([
    [
      '<wsdl:description xmlns:wsdl="http://www.w3.org/ns/wsdl"/>',
      'The WSDL is WSDL 2.0, which is not supported; expected WSDL 1.1.',
    ],
    ['<html/>', 'The WSDL: expected a WSDL 1.1 <definitions> root element, found <html>.'],
    [
      '<definitions xmlns="http://schemas.xmlsoap.org/wsdl/"/>',
      'The WSDL has no operation on a SOAP 1.1 or 1.2 port.',
    ],
  ])('%s is refused: %s', (text, message) => {
    expect(() => readWsdl(text)).toThrow(new WsdlError(message));
  });

  it('a WSDL with a DOCTYPE is refused like a response', () => {
    expect(() => readWsdl('<!DOCTYPE d [<!ENTITY x SYSTEM "file:///etc/passwd">]><d>&x;</d>')).toThrow(
      /DOCTYPE/,
    );
  });
});

describe('the command', () => {
  let service: SoapBackend;
  let out = '';
  let err = '';
  beforeAll(async () => {
    service = await startCurrencyService();
  });
  afterAll(() => service.close());
  const io = () => {
    out = '';
    err = '';
    vi.spyOn(process.stdout, 'write').mockImplementation(
      (c: string | Uint8Array) => ((out += String(c)), true),
    );
    vi.spyOn(process.stderr, 'write').mockImplementation(
      (c: string | Uint8Array) => ((err += String(c)), true),
    );
  };
  afterEach(() => vi.restoreAllMocks());

  it('prints the actions of a WSDL file as JSON and exits 0', async () => {
    io();
    expect(await soapCommand.run(['import', CURRENCY_WSDL, '--port', 'CurrencySoap12'])).toBe(0);
    expect(Object.keys(JSON.parse(out) as object)).toEqual(['Convert', 'ListCurrencies']);
  });

  it('fetches the WSDL from a live service URL (?wsdl) and writes the endpoint as an app setting', async () => {
    io();
    expect(await soapCommand.run(['import', `${service.url11}?wsdl`, '--uri-setting', 'FX_URL'])).toBe(0);
    const actions = JSON.parse(out) as Record<string, { inputs: { uri: string } }>;
    expect(actions['Convert']?.inputs.uri).toBe("@{appsetting('FX_URL')}");
  });

  it.each([
    [['import'], 'Usage: flowline soap import'],
    [
      ['import', join(FIXTURES, 'missing.wsdl')],
      "flowline soap import: ENOENT: no such file or directory, open '",
    ],
    [
      ['import', CURRENCY_WSDL, '--port', 'Nope'],
      "--port: expected one of CurrencySoap, CurrencySoap12, found 'Nope'.",
    ],
  ])('%j exits 1 and says why: %s', async (argv, message) => {
    io();
    expect(await soapCommand.run(argv)).toBe(1);
    expect(err).toContain(message);
    expect(out).toBe('');
  });
});
