import type { Call } from '../ast';
import type { EvaluationContext } from '../context';
import type { JsonValue } from '../values';

/**
 * What a function's first argument names, so the static checker can verify it exists
 * (`body('X')` names an action, `variables('v')` a variable, and so on).
 */
export type ReferenceKind = 'action' | 'variable' | 'parameter' | 'loop' | 'scope' | 'untilLoop';

/** One entry of the WDL function library. */
export interface FunctionDef {
  /** Canonical spelling as Microsoft documents it (`utcNow`, `base64ToString`); lookups ignore case. */
  readonly name: string;
  readonly minArgs: number;
  /** `Infinity` for variadic functions such as `concat`. */
  readonly maxArgs: number;
  /** The library category, for the docs and coverage counts. */
  readonly category:
    | 'string'
    | 'collection'
    | 'logical'
    | 'conversion'
    | 'math'
    | 'datetime'
    | 'workflow'
    | 'uri'
    | 'json-xml';
  /** Set when the first argument must be a string literal naming something that exists. */
  readonly references?: ReferenceKind;
  /** One-line description shown by `flowline expr --help` and in the docs. */
  readonly summary: string;
  /** Evaluates the call with already evaluated arguments. Throw `ExpressionError` for bad input. */
  evaluate(args: readonly JsonValue[], ctx: EvaluationContext, call: Call): JsonValue;
}
