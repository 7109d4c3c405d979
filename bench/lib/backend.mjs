// The loopback backend every workload calls: answers any request with a small JSON body and counts
// the requests, so a suite can check that a system made the calls it claims to have made.
/* global fetch */
import { createServer } from 'node:http';

export const BACKEND_BODY = '{"ok":true}';

export async function startBackend() {
  let calls = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(BACKEND_BODY);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const url = `http://127.0.0.1:${server.address().port}/item`;
  return {
    url,
    calls: () => calls,
    /** One call made by the bench process itself: the floor every system is compared with. */
    direct: async () => (await fetch(url)).text(),
    close: () => new Promise((done) => server.close(done)),
  };
}
