/**
 * One HTTP exchange over node:http(s): egress checked on the resolved address, a timeout per
 * attempt, and a cap on the response size. Connection problems come back as typed failures.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import { egressDenial, type EgressPolicy } from './egress';

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
}

class EgressDenied extends Error {}

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
    const finish = (result: SendResult): void => {
      if (settled) return;
      settled = true;
      resolve(result);
    };
    const req = requestFn(
      url,
      { method: options.method, headers: options.headers, lookup, timeout: options.timeoutMs },
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
    req.on('timeout', () => {
      finish({ kind: 'timeout' });
      req.destroy();
    });
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
