/**
 * The designer's object form of If/Until conditions: `{"and": [{"equals": [a, b]}, {"not":
 * {...}}]}`. Each object has exactly one operator; `and`/`or` take a non-empty list of
 * conditions, `not` one condition, comparisons a list of exactly two operands.
 */
import type { Finding, JsonPath } from '../diagnostic';
import { didYouMean } from '../did-you-mean';
import { isObject, type WorkflowModel } from '../model';

const logical = ['and', 'or', 'not'];
const comparisons = [
  'equals',
  'greater',
  'greaterOrEquals',
  'less',
  'lessOrEquals',
  'contains',
  'startsWith',
  'endsWith',
];
const operators = [...logical, ...comparisons];

export function checkConditions(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const action of model.actions) {
    if ((action.type === 'if' || action.type === 'until') && isObject(action.value.expression)) {
      visit(action.value.expression, [...action.path, 'expression'], findings);
    }
  }
  return findings;
}

function visit(condition: unknown, path: JsonPath, findings: Finding[]): void {
  if (!isObject(condition)) {
    findings.push({
      severity: 'error',
      path,
      message: 'A condition must be an object with one operator such as {"equals": [a, b]}.',
    });
    return;
  }
  const keys = Object.keys(condition);
  if (keys.length !== 1) {
    findings.push({
      severity: 'error',
      path,
      message: `A condition object must have exactly one operator; this one has ${keys.length} (${keys.join(', ') || 'none'}).`,
      hint: 'Combine several conditions with {"and": [...]} or {"or": [...]}.',
    });
    return;
  }
  const [key = ''] = keys;
  const operator = operators.find((o) => o.toLowerCase() === key.toLowerCase());
  const value = condition[key];
  const at = [...path, key];
  if (operator === undefined) {
    const near = didYouMean(key, operators);
    findings.push({
      severity: 'error',
      path: at,
      message: `Unknown condition operator '${key}'.`,
      hint: near === undefined ? `Operators: ${operators.join(', ')}.` : `Did you mean '${near}'?`,
      actual: key,
    });
  } else if (operator === 'not') {
    visit(value, at, findings);
  } else if (operator === 'and' || operator === 'or') {
    if (!Array.isArray(value) || value.length === 0) {
      findings.push({
        severity: 'error',
        path: at,
        message: `'${operator}' takes a non-empty list of conditions.`,
      });
    } else value.forEach((c, i) => visit(c, [...at, i], findings));
  } else if (!Array.isArray(value) || value.length !== 2) {
    findings.push({
      severity: 'error',
      path: at,
      message: `'${operator}' takes a list of exactly two operands.`,
      expected: '2 operands',
      actual: Array.isArray(value) ? `${value.length} operands` : 'not a list',
    });
  }
}
