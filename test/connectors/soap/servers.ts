/**
 * Real SOAP servers on loopback for the Soap connector tests. `startCurrencyService` serves the WSDL
 * fixture `test/fixtures/soap/currency.wsdl` with the `soap` npm package: SOAP 1.1 at
 * `/soap/currency`, SOAP 1.2 at `/soap/currency12`, and the WSDL at `?wsdl`. It records every request
 * (HTTP headers and the XML as received) and, when `users` is given, checks WS-Security UsernameTokens
 * (text or digest, the digest recomputed by the `soap` package). `startRawServer` answers fixed bytes,
 * for what no honest SOAP stack would send (DTDs, entity bombs, oversized bodies).
 */
import { readFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import * as soap from 'soap';
import type { EgressPolicy } from '../../../src/connectors/http/egress';

export const FIXTURES = join(__dirname, '../../fixtures/soap');
export const CURRENCY_WSDL = join(FIXTURES, 'currency.wsdl');
export const CURRENCY_NS = 'http://flowline.example/currency';
/** Loopback reachable, metadata blocked: an environment without FLOWLINE_EGRESS_* settings. */
export const DEFAULT_EGRESS: EgressPolicy = { deny: [], blockMetadata: true };

export interface Received {
  readonly path: string;
  readonly headers: IncomingHttpHeaders;
  readonly xml: string;
}

export interface SoapBackend {
  readonly origin: string;
  /** SOAP 1.1 endpoint. */
  readonly url11: string;
  /** SOAP 1.2 endpoint. */
  readonly url12: string;
  readonly received: Received[];
  close(): Promise<void>;
}

/** Units of each currency per euro. */
const PER_EURO: Record<string, number> = { EUR: 1, USD: 1.08, GBP: 0.85, CHF: 0.96 };
const NAMES: Record<string, string> = {
  EUR: 'Euro',
  USD: 'US dollar',
  GBP: 'Pound sterling',
  CHF: 'Swiss franc',
};
const REGIONS: Record<string, string[]> = {
  europe: ['EUR', 'GBP', 'CHF'],
  americas: ['USD'],
  antarctica: [],
};

interface ConvertArgs {
  from: string;
  to: string;
  amount: number | string;
}

interface Token {
  UsernameToken?: {
    Username?: string;
    Password?: { $value?: string; attributes?: { Type?: string } } | string;
    Nonce?: { $value?: string } | string;
    Created?: string;
  };
}

function unknownCurrency(code: string, version: '1.1' | '1.2'): unknown {
  return version === '1.1'
    ? {
        Fault: {
          faultcode: 'soap:Client',
          faultstring: `Unknown currency '${code}'`,
          detail: { UnknownCurrency: { code } },
          statusCode: 500,
        },
      }
    : {
        Fault: {
          Code: { Value: 'soap:Sender', Subcode: { Value: 'tns:UnknownCurrency' } },
          Reason: { Text: `Unknown currency '${code}'` },
          Detail: { UnknownCurrency: { code } },
          statusCode: 500,
        },
      };
}

function currencyPort(version: '1.1' | '1.2') {
  return {
    Convert(args: ConvertArgs) {
      for (const code of [args.from, args.to]) {
        if (PER_EURO[code] === undefined) throw unknownCurrency(code, version);
      }
      const amount = Number(args.amount);
      if (amount < 0) throw new Error('amount must not be negative');
      const rate = Math.round(((PER_EURO[args.to] ?? 1) / (PER_EURO[args.from] ?? 1)) * 10_000) / 10_000;
      const converted = (Math.round(amount * rate * 100) / 100).toFixed(2);
      return {
        ConvertResult: {
          from: args.from,
          to: args.to,
          amount: String(amount),
          rate: String(rate),
          converted,
        },
      };
    },
    ListCurrencies(args: { region?: string } | undefined) {
      const codes = REGIONS[args?.region ?? ''] ?? Object.keys(PER_EURO);
      return { currency: codes.map((code) => ({ attributes: { code }, $value: NAMES[code] })) };
    },
  };
}

function checkToken(security: Token | undefined, users: Record<string, string>): boolean {
  const token = security?.UsernameToken;
  const password = users[token?.Username ?? ''];
  if (token === undefined || password === undefined) return false;
  const sent = typeof token.Password === 'string' ? token.Password : token.Password?.$value;
  const type = typeof token.Password === 'string' ? '' : (token.Password?.attributes?.Type ?? '');
  if (!type.endsWith('#PasswordDigest')) return sent === password;
  const nonce = typeof token.Nonce === 'string' ? token.Nonce : (token.Nonce?.$value ?? '');
  return sent === soap.passwordDigest(nonce, token.Created ?? '', password);
}

export async function startCurrencyService(
  options: { users?: Record<string, string> } = {},
): Promise<SoapBackend> {
  const xml = readFileSync(CURRENCY_WSDL, 'utf8');
  const received: Received[] = [];
  const server = createServer((_req, res) => {
    res.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const services = {
    CurrencyService: { CurrencySoap: currencyPort('1.1'), CurrencySoap12: currencyPort('1.2') },
  };
  for (const [path, forceSoap12Headers] of [
    ['/soap/currency', false],
    ['/soap/currency12', true],
  ] as const) {
    const listener = soap.listen(server, { path, services, xml, forceSoap12Headers });
    listener.log = (type: string, data: unknown, req: { url?: string; headers: IncomingHttpHeaders }) => {
      if (type === 'received')
        received.push({ path: req.url ?? '', headers: req.headers, xml: String(data) });
    };
    const users = options.users;
    if (users !== undefined)
      listener.authenticate = (security: unknown) => checkToken(security as Token, users);
  }
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url11: `${origin}/soap/currency`,
    url12: `${origin}/soap/currency12`,
    received,
    close: () => new Promise((done) => server.close(() => done())),
  };
}

export type RawRoute = (res: ServerResponse) => void;

export interface RawServer {
  readonly origin: string;
  /** Paths requested, in order (an XXE that fetched its entity would show up here). */
  readonly hits: string[];
  close(): Promise<void>;
}

/** Answers each path with its route; anything else 404. */
export async function startRawServer(routes: Record<string, RawRoute>): Promise<RawServer> {
  const hits: string[] = [];
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      hits.push(req.url ?? '');
      const route = routes[req.url ?? ''];
      if (route) route(res);
      else res.writeHead(404).end();
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    hits,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

/** A route answering `body` with `status` and content type `type`. */
export const answer =
  (body: string, status = 200, type = 'text/xml; charset=utf-8'): RawRoute =>
  (res) => {
    res.writeHead(status, { 'content-type': type }).end(body);
  };

/** A SOAP 1.1 envelope around `inner`. */
export const envelope11 = (inner: string): string =>
  `<?xml version="1.0" encoding="utf-8"?><s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>${inner}</s:Body></s:Envelope>`;
