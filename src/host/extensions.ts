/**
 * The extensions `flowline start` loads. Registration only.
 */
import { createDurableExtension } from './durable/extension';
import type { HostExtension } from './extension';

export function defaultExtensions(): HostExtension[] {
  return [createDurableExtension()];
}
