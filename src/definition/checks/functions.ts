/** Every function called in an expression exists (case-insensitively) and gets a valid number of arguments. */
import { lookupFunction, suggestFunction } from '../../expressions/functions/index';
import type { Finding } from '../diagnostic';
import { calls, type ParsedExpression } from './collect';

export function checkFunctions(expressions: readonly ParsedExpression[]): Finding[] {
  const findings: Finding[] = [];
  for (const e of expressions) {
    for (const call of calls(e.template)) {
      const def = lookupFunction(call.name);
      if (def === undefined) {
        const near = suggestFunction(call.name);
        findings.push({
          severity: 'error',
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
