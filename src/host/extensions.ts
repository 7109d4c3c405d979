/**
 * The extensions `flowline start` loads. Registration only.
 */
import type { HostExtension } from './extension';

export function defaultExtensions(): HostExtension[] {
  // >>> DURABLE EXTENSION REGISTRATION: when src/host/durable/extension.ts exports
  // createDurableExtension(), import it above and return [createDurableExtension()] here.
  return [];
}
