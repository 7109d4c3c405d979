import { resolve } from 'node:path';
import { type HostOptions, type RunningHost, startHost } from '../../../src/host/startHost';

export function fixtureDir(name: string): string {
  return resolve(__dirname, '../../fixtures/apps', name);
}

export interface LogLine {
  readonly level: string;
  readonly category: string;
  readonly message: string;
}

/** Starts a fixture app on an ephemeral loopback port with a logger that records instead of printing. */
export async function startFixture(
  name: string,
  options: Partial<HostOptions> = {},
): Promise<{ host: RunningHost; logs: LogLine[] }> {
  const logs: LogLine[] = [];
  const host = await startHost({
    appDir: fixtureDir(name),
    port: 0,
    store: 'memory',
    log: (level, category, message) => logs.push({ level, category, message }),
    ...options,
  });
  return { host, logs };
}
