/**
 * Parameter declarations: the default value has the declared type, and is one of
 * `allowedValues` when those are given.
 */
import type { Finding } from '../diagnostic';
import { describeValue } from '../diagnostic';
import { isObject, type WorkflowModel } from '../model';

const checks: Readonly<Record<string, (v: unknown) => boolean>> = {
  string: (v) => typeof v === 'string',
  securestring: (v) => typeof v === 'string',
  int: (v) => typeof v === 'number' && Number.isInteger(v),
  float: (v) => typeof v === 'number',
  bool: (v) => typeof v === 'boolean',
  array: (v) => Array.isArray(v),
  object: (v) => isObject(v),
  secureobject: (v) => isObject(v),
};

export function checkParameters(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  const parameters = model.definition.parameters;
  if (!isObject(parameters)) return findings;
  for (const [name, declaration] of Object.entries(parameters)) {
    if (!isObject(declaration) || typeof declaration.type !== 'string' || !('defaultValue' in declaration))
      continue;
    const value = declaration.defaultValue;
    const path = [...model.base, 'parameters', name, 'defaultValue'];
    const matches = checks[declaration.type.toLowerCase()];
    if (matches !== undefined && !matches(value)) {
      findings.push({
        severity: 'error',
        path,
        message: `The default value of parameter '${name}' is ${describeValue(value)}, but its type is ${declaration.type}.`,
        expected: declaration.type,
        actual: describeValue(value),
      });
    } else if (
      Array.isArray(declaration.allowedValues) &&
      !declaration.allowedValues.some((a) => JSON.stringify(a) === JSON.stringify(value))
    ) {
      findings.push({
        severity: 'error',
        path,
        message: `The default value of parameter '${name}' is not one of its allowedValues.`,
        expected: declaration.allowedValues.map((a) => JSON.stringify(a)).join(', '),
        actual: describeValue(value),
      });
    }
  }
  return findings;
}
