/**
 * One HTTP exchange over node:http(s): egress checked on the resolved address, a timeout per
 * attempt, and a cap on the response size. Connection problems come back as typed failures.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { rootCertificates } from 'node:tls';
import { egressDenial, type EgressPolicy } from './egress';
import { type TlsMaterial, tlsKey } from './tls';

export interface RawResponse {
  readonly statusCode: number;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type SendResult =
  | { readonly kind: 'response'; readonly response: RawResponse }
  | { readonly kind: 'denied'; readonly reason: string }
  | { readonly kind: 'timeout' }
  | { readonly kind: 'too-large'; readonly limit: number }
  | { readonly kind: 'connection'; readonly message: string };

export interface SendOptions {
  readonly method: string;
  readonly url: URL;
  readonly headers: Record<string, string>;
  readonly body: Buffer | undefined;
  readonly timeoutMs: number;
  readonly maxBytes: number;
  readonly egress: EgressPolicy;
  /** Client certificate and extra trusted CAs for https. */
  readonly tls?: TlsMaterial;
}

class EgressDenied extends Error {}

/**
 * Pooled connections, one pool per egress policy: a socket is only reused under the policy that
 * checked its address when it connected, so a changed allow/deny list never rides an old connection.
 * Https pools are also kept per TLS material, so a client certificate only rides its own connections.
 */
const agents = new Map<string, HttpAgent>();
function agentFor(egress: EgressPolicy, https: boolean, tls: TlsMaterial | undefined): HttpAgent {
  const key = `${https ? `https ${tlsKey(tls)}` : 'http'} ${JSON.stringify(egress)}`;
  let agent = agents.get(key);
  if (agent === undefined) {
    const cert = tls?.clientCertificate;
    agent = https
      ? new HttpsAgent({
          keepAlive: true,
          ...(cert === undefined ? {} : { cert: cert.cert, key: cert.key }),
          ...(tls?.ca === undefined || tls.ca.length === 0 ? {} : { ca: [...rootCertificates, ...tls.ca] }),
        })
      : new HttpAgent({ keepAlive: true });
    agents.set(key, agent);
  }
  return agent;
}

export function send(options: SendOptions): Promise<SendResult> {
  const { url, egress } = options;
  const port = url.port || (url.protocol === 'https:' ? '443' : '80');
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const literal = isIP(hostname) !== 0 ? hostname : undefined;
  const early = egressDenial(egress, hostname, port, literal);
  if (early !== undefined) return Promise.resolve({ kind: 'denied', reason: early });
  const lookup: LookupFunction = (host, lookupOptions, callback) => {
    dnsLookup(host, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 4);
      for (const entry of addresses) {
        const reason = egressDenial(egress, host, port, entry.address);
        if (reason !== undefined) return callback(new EgressDenied(reason), '', 4);
      }
      if (lookupOptions.all === true)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, addresses);
      const first = addresses[0];
      return first
        ? callback(null, first.address, first.family)
        : callback(new Error(`no address for ${host}`), '', 4);
    });
  };
  const requestFn = url.protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve) => {
    let settled = false;
    // For the whole exchange: the socket's idle `timeout` would let a trickling answer run forever.
    const timer = setTimeout(() => {
      finish({ kind: 'timeout' });
      req.destroy();
    }, options.timeoutMs);
    const finish = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const req = requestFn(
      url,
      {
        method: options.method,
        headers: options.headers,
        lookup,
        agent: agentFor(egress, url.protocol === 'https:', options.tls),
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > options.maxBytes) {
            finish({ kind: 'too-large', limit: options.maxBytes });
            req.destroy();
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () =>
          finish({
            kind: 'response',
            response: { statusCode: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) },
          }),
        );
        res.on('error', (error) => finish({ kind: 'connection', message: error.message }));
      },
    );
    req.on('error', (error) => {
      if (error instanceof EgressDenied) finish({ kind: 'denied', reason: error.message });
      else
        finish({
          kind: 'connection',
          message: `${(error as NodeJS.ErrnoException).code ?? 'ERROR'}: ${error.message}`,
        });
    });
    req.end(options.body);
  });
}
