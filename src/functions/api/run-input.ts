import type { RunInput } from '../../engine/run-types';

/** True for the input of a Flowline run (other orchestrations may share the task hub). */
export function isRunInput(value: unknown): value is RunInput {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v['workflow'] === 'string' &&
    typeof v['definition'] === 'object' &&
    typeof v['trigger'] === 'object'
  );
}
