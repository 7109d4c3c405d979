/** `flowline start --workflows <dir>`: the README's start command serving another folder. */
import { type ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const FIXTURES = resolve(ROOT, 'test/fixtures/workflows');

function start(args: string[]): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, ['dist/cli/index.js', 'start', ...args], {
    cwd: ROOT,
    env: { ...process.env, FLOWLINE_WORKFLOWS_DIR: '' },
  });
  let out = '';
  const ready = new Promise<string>((done, fail) => {
    const onData = (chunk: Buffer): void => {
      out += chunk.toString();
      const origin = /Host listening on (http:\/\/\S+) /.exec(out)?.[1];
      if (origin !== undefined) done(origin);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => fail(new Error(`flowline start exited with ${String(code)}:\n${out}`)));
  });
  return { child, output: () => out, ready };
}

describe('flowline start --workflows', () => {
  const children: ChildProcess[] = [];
  afterAll(() => {
    for (const child of children) child.kill('SIGTERM');
  });

  it('serves the given folder and prints each trigger URL', async () => {
    const host = start(['--workflows', FIXTURES, '--port', '0', '--store', 'memory']);
    children.push(host.child);
    const origin = await host.ready;
    expect(host.output()).toContain(
      `orders-only: [POST] ${origin}/api/workflows/orders-only/triggers/manual/invoke`,
    );
    expect(host.output()).not.toContain('order-intake:');
    const response = await fetch(`${origin}/api/workflows/orders-only/triggers/manual/invoke`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'order', id: 1 }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ accepted: 1 });
  });

  it('refuses a folder that does not exist', async () => {
    const host = start(['--workflows', 'no-such-folder', '--port', '0', '--store', 'memory']);
    await expect(host.ready).rejects.toThrow(/--workflows 'no-such-folder': no such folder/);
  });
});
