/**
 * The three shapes a workflow file may have: a Logic Apps Standard `{definition, kind}`, a
 * Consumption `{definition, parameters}` code-view export, or a bare definition.
 */
import { describeValue, type Finding, type JsonPath } from './diagnostic';
import { isObject, type Json } from './model';

export interface Shape {
  definition: Json | undefined;
  base: JsonPath;
  kind: 'Stateful' | 'Stateless';
  standard: boolean;
  findings: Finding[];
}

export function unwrap(value: unknown): Shape {
  if (!isObject(value)) {
    return {
      definition: undefined,
      base: [],
      kind: 'Stateful',
      standard: false,
      findings: [
        {
          severity: 'error',
          path: [],
          message: `A workflow file must be a JSON object, not ${describeValue(value)}.`,
          expected: 'an object',
        },
      ],
    };
  }
  if (!('definition' in value))
    return { definition: value, base: [], kind: 'Stateful', standard: false, findings: [] };
  const findings: Finding[] = [];
  const kindValue = value.kind;
  let kind: 'Stateful' | 'Stateless' = 'Stateful';
  if (typeof kindValue === 'string' && /^stateless$/i.test(kindValue)) kind = 'Stateless';
  else if (kindValue !== undefined && !(typeof kindValue === 'string' && /^stateful$/i.test(kindValue))) {
    findings.push({
      severity: 'error',
      path: ['kind'],
      message: `'kind' must be 'Stateful' or 'Stateless'; got ${describeValue(kindValue)}.`,
      expected: "'Stateful' or 'Stateless'",
      actual: describeValue(kindValue),
      hint:
        kindValue === 'Agentic'
          ? 'Agentic workflows (AI agent loops) are not supported by Flowline.'
          : undefined,
    });
  }
  if (!isObject(value.definition)) {
    findings.push({
      severity: 'error',
      path: ['definition'],
      message: `'definition' must be an object, not ${describeValue(value.definition)}.`,
      expected: 'an object',
      actual: describeValue(value.definition),
    });
    return { definition: undefined, base: ['definition'], kind, standard: true, findings };
  }
  for (const key of Object.keys(value)) {
    if (!['definition', 'kind', 'parameters'].includes(key))
      findings.push({
        severity: 'warning',
        path: [key],
        message: `Unknown key '${key}' next to 'definition' is ignored.`,
      });
  }
  return {
    definition: value.definition,
    base: ['definition'],
    kind,
    standard: kindValue !== undefined,
    findings,
  };
}
