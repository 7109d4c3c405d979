/**
 * Finds every expression string in a workflow (actions' own fields, triggers, outputs) and
 * parses it with the expression parser. Parse errors become findings with the position
 * inside the string; the parsed ones are handed to the function and reference checks.
 */
import type { Call, Template } from '../../expressions/ast';
import { ExpressionError } from '../../expressions/errors';
import { isExpressionText, parseTemplate } from '../../expressions/template';
import type { Finding, JsonPath } from '../diagnostic';
import { isObject, type ActionNode, type Json, type WorkflowModel } from '../model';

export interface ParsedExpression {
  readonly path: JsonPath;
  readonly text: string;
  readonly template: Template;
  /** The action whose field holds it; undefined for triggers and definition outputs. */
  readonly action: ActionNode | undefined;
  readonly where: 'action' | 'trigger' | 'outputs';
}

/** Fields that are never evaluated. */
const skipped = new Set(['description', 'metadata', 'runAfter']);

export function collectExpressions(model: WorkflowModel): {
  expressions: ParsedExpression[];
  findings: Finding[];
} {
  const expressions: ParsedExpression[] = [];
  const findings: Finding[] = [];
  const visit = (
    value: unknown,
    path: JsonPath,
    action: ActionNode | undefined,
    where: ParsedExpression['where'],
    top: boolean,
  ): void => {
    if (typeof value === 'string') {
      if (!isExpressionText(value)) return;
      try {
        expressions.push({ path, text: value, template: parseTemplate(value), action, where });
      } catch (error) {
        if (!(error instanceof ExpressionError)) throw error;
        findings.push({
          severity: 'error',
          path,
          message: `Expression error: ${error.message}`,
          hint: error.hint,
          position: error.span?.start,
          expression: value,
        });
      }
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], action, where, false));
    } else if (isObject(value)) {
      for (const [key, child] of Object.entries(value)) {
        if (top && skipped.has(key)) continue;
        if (top && action !== undefined && isNestedMap(action.value, key)) continue;
        visit(child, [...path, key], action, where, false);
      }
    }
  };
  for (const action of model.actions) {
    const own = stripNested(action.value);
    visit(own, action.path, action, 'action', true);
  }
  const def = model.definition;
  if (isObject(def.triggers)) {
    for (const [name, trigger] of Object.entries(def.triggers)) {
      if (!isObject(trigger)) continue;
      const inputs = isObject(trigger.inputs) ? { ...trigger.inputs, schema: undefined } : trigger.inputs;
      visit({ ...trigger, inputs }, [...model.base, 'triggers', name], undefined, 'trigger', true);
    }
  }
  if (isObject(def.outputs)) visit(def.outputs, [...model.base, 'outputs'], undefined, 'outputs', false);
  return { expressions, findings };
}

function isNestedMap(action: Json, key: string): boolean {
  return key === 'actions' && isObject(action.actions);
}

/** The action without nested action maps (else/default/cases keep their other fields). */
function stripNested(action: Json): Json {
  const copy: Json = { ...action };
  delete copy.actions;
  for (const key of ['else', 'default']) {
    const branch = copy[key];
    if (isObject(branch)) copy[key] = { ...branch, actions: undefined };
  }
  if (isObject(copy.cases)) {
    copy.cases = Object.fromEntries(
      Object.entries(copy.cases).map(([k, v]) => [k, isObject(v) ? { ...v, actions: undefined } : v]),
    );
  }
  return copy;
}

/** Every call in a template, depth first. */
export function* calls(template: Template): Generator<Call> {
  const roots =
    template.kind === 'expression'
      ? [template.expr]
      : template.kind === 'interpolation'
        ? template.parts.filter((p) => typeof p !== 'string')
        : [];
  const stack = [...roots];
  while (stack.length > 0) {
    const expr = stack.pop();
    if (expr === undefined || typeof expr === 'string') continue;
    if (expr.kind === 'call') {
      yield expr;
      stack.push(...expr.args);
    } else if (expr.kind === 'member') stack.push(expr.target, expr.property);
  }
}
