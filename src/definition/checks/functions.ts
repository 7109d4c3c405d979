/** Every function called in an expression exists (case-insensitively) and gets a valid number of arguments. */
import { allFunctions, lookupFunction, suggestFunction } from '../../expressions/functions/index';
import type { FunctionDef } from '../../expressions/functions/types';
import type { Finding } from '../diagnostic';
import { calls, type ParsedExpression } from './collect';

/** Every category of the WDL function library (see `FunctionDef.category`). */
const CATEGORIES = [
  'string',
  'collection',
  'logical',
  'conversion',
  'math',
  'datetime',
  'workflow',
  'uri',
  'json-xml',
];

/**
 * While the function library is still being filled in (some categories are not registered
 * yet), an unknown name is only a warning: an error would reject every real workflow. Once
 * every category is registered, an unknown function is an error.
 */
export function libraryIsComplete(): boolean {
  const present = new Set(allFunctions.map((f) => f.category));
  return CATEGORIES.every((c) => present.has(c as FunctionDef['category']));
}

export function checkFunctions(expressions: readonly ParsedExpression[]): Finding[] {
  const findings: Finding[] = [];
  const unknownSeverity = libraryIsComplete() ? 'error' : 'warning';
  for (const e of expressions) {
    for (const call of calls(e.template)) {
      const def = lookupFunction(call.name);
      if (def === undefined) {
        const near = suggestFunction(call.name);
        findings.push({
          severity: unknownSeverity,
          path: e.path,
          message: `Unknown function '${call.name}'.`,
          hint: near === undefined ? undefined : `Did you mean '${near}'?`,
          position: call.nameSpan.start,
          expression: e.text,
          actual: call.name,
        });
        continue;
      }
      const n = call.args.length;
      if (n < def.minArgs || n > def.maxArgs) {
        const expected =
          def.minArgs === def.maxArgs
            ? `${def.minArgs}`
            : def.maxArgs === Infinity
              ? `at least ${def.minArgs}`
              : `${def.minArgs} to ${def.maxArgs}`;
        findings.push({
          severity: 'error',
          path: e.path,
          message: `'${def.name}' takes ${expected} argument(s); this call passes ${n}.`,
          expected,
          actual: String(n),
          position: call.nameSpan.start,
          expression: e.text,
        });
      }
    }
  }
  return findings;
}
