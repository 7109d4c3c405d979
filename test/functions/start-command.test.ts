/** `flowline start --workflows <dir>`: the README's start command serving another folder. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
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

  it('reloads an edited workflow, reporting errors without stopping, and serves the new version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'flowline-watch-'));
    const source = readFileSync(join(FIXTURES, 'orders-only.json'), 'utf8');
    writeFileSync(join(dir, 'orders-only.json'), source);
    const host = start(['--workflows', dir, '--port', '0', '--store', 'memory']);
    children.push(host.child);
    const origin = await host.ready;
    const call = async (): Promise<unknown> => {
      const response = await fetch(`${origin}/api/workflows/orders-only/triggers/manual/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ kind: 'order', id: 1 }),
      });
      return response.json();
    };
    const printed = async (text: string): Promise<void> => {
      for (let i = 0; i < 100 && !host.output().includes(text); i++)
        await new Promise((r) => setTimeout(r, 50));
      expect(host.output()).toContain(text);
    };

    writeFileSync(
      join(dir, 'orders-only.json'),
      source.replace('"runAfter": {}', '"runAfter": { "Missing": ["Succeeded"] }'),
    );
    await printed('has 1 error(s); calls to it answer 500 until it is fixed:');
    await printed("runAfter names 'Missing', which does not exist in this scope");

    writeFileSync(join(dir, 'orders-only.json'), source.replace('"accepted"', '"taken"'));
    await printed('reloaded: new runs use it; runs in flight keep their definition.');
    expect(await call()).toEqual({ taken: 1 });
  });
});
