/** `flowline run`: one run in process, printed as a tree, exit code from the run's status. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '../..');
const dir = mkdtempSync(join(tmpdir(), 'flowline-run-'));
const write = (name: string, value: unknown): string => {
  writeFileSync(join(dir, name), JSON.stringify(value));
  return join(dir, name);
};
const flowline = (...args: string[]) =>
  spawnSync(process.execPath, ['dist/cli/index.js', 'run', ...args], { cwd: ROOT, encoding: 'utf8' });

describe('flowline run', () => {
  const input = write('order.json', {
    orderId: 'o-1',
    customer: 'C',
    lines: [{ sku: 'A', quantity: 2, unitPrice: 2.5 }],
  });

  it('prints the tree, the response and the virtual time, and exits 0 on success', () => {
    const mocks = write('mocks.json', {
      Reserve_stock: [{ statusCode: 503 }, { statusCode: 200, body: { reservationId: 'r-1' } }],
    });
    const result = flowline('workflows/order-intake.json', '--input', input, '--mock', mocks);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('✓ run local-run: Succeeded');
    expect(result.stdout).toContain('✓ Reserve_stock [Http] 5000 ms 1 retry');
    expect(result.stdout).toContain(
      'response 201: {"orderId":"o-1","customer":"C","total":5,"reservation":"r-1"}',
    );
  });

  it('exits 1 and shows the failing action when a call has no mock', () => {
    const result = flowline('workflows/order-intake.json', '--input', input);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✗ Reserve_stock [Http] NotMocked');
  });

  it('refuses a body that breaks the trigger schema, saying why', () => {
    const result = flowline('workflows/order-intake.json', '--input', write('bad.json', { orderId: '' }));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^flowline run: The trigger body does not match its schema/);
  });
});
