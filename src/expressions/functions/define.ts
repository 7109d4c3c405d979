import type { Call } from '../ast';
import type { JsonValue } from '../values';
import type { FunctionDef } from './types';

/** A function body that needs only its evaluated arguments and the call (for error positions). */
export type PureImpl = (args: readonly JsonValue[], call: Call) => JsonValue;

/**
 * Returns a short builder for a category's functions that read nothing from the context:
 * `fn(name, minArgs, maxArgs, summary, impl)`.
 */
export function definer(category: FunctionDef['category']) {
  return (name: string, minArgs: number, maxArgs: number, summary: string, impl: PureImpl): FunctionDef => ({
    name,
    minArgs,
    maxArgs,
    category,
    summary,
    evaluate: (args, _ctx, call) => impl(args, call),
  });
}
