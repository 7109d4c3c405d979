/**
 * Forwards an admitted request to the host on its loopback port and streams the answer back. The
 * `Host` header is kept, so URLs the app builds from the request (run status, callbacks) point at the
 * gateway; the caller's `Authorization` is removed (as the APIM policy does: the token stops at the
 * gateway); hop-by-hop headers are dropped, and so are the host's CORS headers (the gateway's apply).
 */
import type {
  Agent,
  IncomingHttpHeaders,
  IncomingMessage,
  OutgoingHttpHeaders,
  ServerResponse,
} from 'node:http';
import { request } from 'node:http';
import { PROBLEMS, sendProblem } from './problems';

const HOP_BY_HOP = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'expect',
]);

export interface Upstream {
  readonly port: number;
  readonly agent: Agent;
}

export function forward(
  upstream: Upstream,
  req: IncomingMessage,
  res: ServerResponse,
  body: Buffer,
  extraHeaders: Record<string, string>,
): Promise<void> {
  return new Promise((done) => {
    const headers = withoutHopByHop(req.headers);
    delete headers['authorization'];
    if (body.length > 0 || req.headers['content-length'] !== undefined || req.headers['transfer-encoding']) {
      headers['content-length'] = String(body.length);
    }
    const peer = req.socket.remoteAddress ?? '';
    const prior = req.headers['x-forwarded-for'];
    headers['x-forwarded-for'] = typeof prior === 'string' && prior !== '' ? `${prior}, ${peer}` : peer;
    headers['x-forwarded-proto'] = 'http';
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: upstream.port,
        method: req.method ?? 'GET',
        path: req.url ?? '/',
        headers,
        agent: upstream.agent,
      },
      (answer) => {
        const out: OutgoingHttpHeaders = { ...withoutHopByHop(answer.headers), ...extraHeaders };
        for (const name of Object.keys(out)) {
          if (name.startsWith('access-control-') && !(name in extraHeaders)) delete out[name];
        }
        res.writeHead(answer.statusCode ?? 502, out);
        answer.pipe(res);
        answer.on('end', () => done());
        answer.on('error', () => {
          res.destroy();
          done();
        });
      },
    );
    outgoing.on('error', () => {
      sendProblem(res, PROBLEMS['upstream-failed'], extraHeaders);
      done();
    });
    res.on('close', () => {
      if (!res.writableFinished) outgoing.destroy();
    });
    outgoing.end(body);
  });
}

function withoutHopByHop(headers: IncomingHttpHeaders): OutgoingHttpHeaders {
  const listed = String(headers.connection ?? '')
    .split(',')
    .map((h) => h.trim().toLowerCase());
  const out: OutgoingHttpHeaders = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name) && !listed.includes(name)) out[name] = value;
  }
  return out;
}
