/**
 * `flowline start [--app <dir>] [--workflows <dir>] [--port 7071] [--store <file>|memory] [--require-keys]
 * [--gateway] [--verbose]`: runs a Functions app on the embedded host until SIGINT/SIGTERM, then shuts down
 * gracefully. `--workflows` sets the app setting `FLOWLINE_WORKFLOWS_DIR` (what `func start` users set
 * in local.settings.json) for this host. `--gateway` puts the local gateway (token validation, CORS,
 * rate and size limits; docs/security.md) on the port and moves the host behind it to a free loopback port.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeFunctions } from '../../host/describe';
import { defaultExtensions } from '../../host/extensions';
import { consoleLogger } from '../../host/log';
import { readAppFiles } from '../../host/load/appFiles';
import { HostStartError, startHost } from '../../host/startHost';
import { GatewayConfigError, readGatewayConfig } from '../../gateway/local/config';
import { describeGateway } from '../../gateway/local/describe';
import { type RunningGateway, startGateway } from '../../gateway/local/gateway';
import { parseCommand } from '../args';
import type { Command } from '../command';
import { watchWorkflows } from './start-watch';
import { describeWorkflows } from './start-workflows';
import { workflowsDir } from '../../functions/workflows/catalog';

const USAGE =
  'Usage: flowline start [--app <dir>] [--workflows <dir>] [--port 7071] [--store <file>|memory] [--require-keys] [--gateway] [--verbose]';

export const startCommand: Command = {
  name: 'start',
  summary: 'Run a Functions app on the embedded local host (like func start)',
  async run(argv) {
    const parsed = parseCommand('start', USAGE, argv, {
      app: { type: 'string' },
      workflows: { type: 'string' },
      port: { type: 'string' },
      store: { type: 'string' },
      'require-keys': { type: 'boolean' },
      gateway: { type: 'boolean' },
      verbose: { type: 'boolean' },
    });
    if (typeof parsed === 'number') return parsed;
    const { values } = parsed;
    // Without --port the host uses local.settings.json Host.LocalHttpPort, else 7071.
    const port = values.port === undefined ? undefined : Number(values.port);
    if (port !== undefined && (!Number.isInteger(port) || port < 0 || port > 65535)) {
      process.stderr.write(
        `flowline start: --port must be an integer from 0 to 65535, got '${values.port ?? ''}'.\n`,
      );
      return 1;
    }
    const appDir = resolve(values.app ?? '.');
    if (values.workflows !== undefined) {
      const dir = resolve(values.workflows);
      if (!existsSync(dir)) {
        process.stderr.write(`flowline start: --workflows '${values.workflows}': no such folder (${dir}).\n`);
        return 1;
      }
      process.env['FLOWLINE_WORKFLOWS_DIR'] = dir;
    }
    const store =
      values.store === undefined
        ? resolve(appDir, '.flowline', 'store.db')
        : values.store === 'memory'
          ? 'memory'
          : resolve(values.store);
    const withGateway = values.gateway === true;
    const log = consoleLogger(values.verbose ? 'debug' : 'information');
    let host;
    try {
      host = await startHost({
        appDir,
        // Behind the gateway the host takes any free loopback port; the gateway takes the public one.
        ...(withGateway ? { port: 0 } : port === undefined ? {} : { port }),
        store,
        requireKeys: values['require-keys'] === true,
        extensions: defaultExtensions(),
        log,
        setWebsiteHostname: true,
      });
    } catch (error) {
      if (error instanceof HostStartError) {
        process.stderr.write(`flowline start: ${error.message}\n`);
        return 1;
      }
      throw error;
    }
    let gateway: RunningGateway | undefined;
    let gatewayText = '';
    if (withGateway) {
      try {
        const config = readGatewayConfig();
        gateway = await startGateway({
          upstream: host,
          appDir,
          config,
          port: port ?? readAppFiles(appDir).localSettings.localHttpPort ?? 7071,
          log,
        });
        gatewayText = describeGateway(config, gateway, host.origin);
      } catch (error) {
        await host.stop();
        if (error instanceof GatewayConfigError || error instanceof HostStartError) {
          process.stderr.write(`flowline start: ${error.message}\n`);
          return 1;
        }
        throw error;
      }
    }
    const origin = gateway?.origin ?? host.origin;
    const out: string[] = [
      '',
      describeFunctions(host.runtime.functions.values(), host.routes, origin, host.keys),
    ];
    if (host.keys)
      out.push(
        `Keys (${host.keys.path}):\n\tmaster: ${host.keys.keys.masterKey}\n\thost (default): ${host.keys.keys.hostKeys['default'] ?? ''}\n`,
      );
    out.push(await describeWorkflows(appDir, origin));
    if (gatewayText) out.push(gatewayText);
    out.push(`Host listening on ${origin} (port ${gateway?.port ?? host.port}). Press Ctrl+C to stop.\n`);
    // Watch before the banner: whoever waits for "Host listening" may change a file at once.
    const stopWatching = watchWorkflows(workflowsDir(appDir), (line) => process.stdout.write(`${line}\n`));
    process.stdout.write(out.join('\n'));
    const running = host;
    return waitForSignal(async () => {
      stopWatching();
      await gateway?.stop();
      await running.stop();
    });
  },
};

function waitForSignal(stop: () => Promise<void>): Promise<number> {
  return new Promise((done) => {
    let stopping = false;
    const onSignal = (signal: NodeJS.Signals): void => {
      if (stopping) {
        process.stderr.write(`Received ${signal} again; exiting without waiting.\n`);
        process.exit(130);
      }
      stopping = true;
      process.stdout.write(`Received ${signal}; stopping the host...\n`);
      stop().then(
        () => {
          process.stdout.write('Host stopped.\n');
          // A call the drain deadline gave up on (a backend that never answers) keeps its socket and
          // timer until its own timeout; the host is stopped, so the process does not wait for it.
          setTimeout(() => process.exit(0), 250).unref();
          done(0);
        },
        (error: unknown) => {
          process.stderr.write(`Host failed to stop cleanly: ${String(error)}\n`);
          done(1);
        },
      );
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  });
}
