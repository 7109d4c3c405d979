// Free loopback ports and "wait until it answers" for the child processes the suites start.
/* global fetch, setTimeout */
import { connect, createServer } from 'node:net';

/** A loopback port that was free a moment ago (the OS picks it). */
export async function freePort() {
  const server = createServer();
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address();
  await new Promise((done) => server.close(done));
  return port;
}

/** Polls `url` until it answers with any HTTP status, or throws after `ms`. */
export async function waitForHttp(url, ms = 60_000, child = undefined) {
  const until = Date.now() + ms;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`${url}: the process exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      if (Date.now() > until) throw new Error(`${url} did not answer within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Polls until something accepts TCP connections on 127.0.0.1:`port` (for servers that speak only HTTP/2). */
export async function waitForPort(port, ms = 60_000, child = undefined) {
  const until = Date.now() + ms;
  for (;;) {
    if (child && child.exitCode !== null)
      throw new Error(`port ${port}: the process exited with ${child.exitCode}`);
    const open = await new Promise((done) => {
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => done(true) || socket.destroy());
      socket.once('error', () => done(false));
    });
    if (open) return;
    if (Date.now() > until) throw new Error(`port ${port} did not open within ${ms} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
