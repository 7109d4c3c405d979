/** Start-time check that every function's trigger kind has something that will run it. */
import type { HostExtension, LoadedFunction } from '../extension';
import type { HostLogger } from '../log';

export function warnUnhandledTriggers(
  functions: Iterable<LoadedFunction>,
  extensions: readonly HostExtension[],
  log: HostLogger,
): void {
  const handled = new Set([
    'httptrigger',
    'timertrigger',
    ...extensions.flatMap((e) => e.triggerTypes.map((t) => t.toLowerCase())),
  ]);
  for (const fn of functions) {
    if (!handled.has(fn.triggerType.toLowerCase())) {
      log(
        'warning',
        'Host',
        `Function '${fn.name}' has trigger type '${fn.triggerType}', which no loaded extension handles; it will not run.`,
      );
    }
  }
}
