/** The store settings the embedded host reads at start: a wrong value stops the start with its name. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createDurableExtension } from '../../../src/host/durable/extension';
import { startHost } from '../../../src/host/startHost';
import { PROJECT_ROOT } from '../../workflows/helpers';

const dir = mkdtempSync(join(tmpdir(), 'flowline-store-settings-'));

describe('store settings', () => {
  afterEach(() => {
    delete process.env['FLOWLINE_STORE_SYNC'];
    delete process.env['FLOWLINE_STORE_MAX_PAGE_COUNT'];
  });

  it.each([
    ['FLOWLINE_STORE_SYNC', 'sometimes', "FLOWLINE_STORE_SYNC must be 'normal' or 'full', got 'sometimes'."],
    [
      'FLOWLINE_STORE_MAX_PAGE_COUNT',
      '0',
      "FLOWLINE_STORE_MAX_PAGE_COUNT must be a positive integer, got '0'.",
    ],
  ])('%s=%s stops the host from starting, naming the setting', async (name, value, message) => {
    process.env[name] = value;
    const start = startHost({
      appDir: PROJECT_ROOT,
      port: 0,
      store: join(dir, `${name}.db`),
      extensions: [createDurableExtension()],
      log: () => undefined,
    });
    await expect(start).rejects.toThrow(message);
  });
});
