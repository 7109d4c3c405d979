/**
 * Evaluates JSON values that may contain expressions: every string is a WDL string value (`@expr`,
 * `text @{expr}`, `@@` escape), objects and arrays are evaluated member by member. Parsed templates
 * are cached by text because the same definition is evaluated on every replay.
 */
import type { Template } from '../expressions/ast';
import type { EvaluationContext } from '../expressions/context';
import { evaluateTemplate } from '../expressions/evaluate';
import { parseTemplate } from '../expressions/template';
import type { JsonObject, JsonValue } from '../expressions/values';

const CACHE_LIMIT = 10_000;
const cache = new Map<string, Template>();

function parsed(text: string): Template {
  let template = cache.get(text);
  if (template === undefined) {
    template = parseTemplate(text);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(text, template);
  }
  return template;
}

const mayHoldExpression = (text: string): boolean => text.includes('@');

/** The value of `value` with every expression in it evaluated. */
export function evaluateValue(value: unknown, ctx: EvaluationContext): JsonValue {
  if (typeof value === 'string')
    return mayHoldExpression(value) ? evaluateTemplate(parsed(value), ctx) : value;
  if (Array.isArray(value)) return value.map((item) => evaluateValue(item, ctx));
  if (typeof value === 'object' && value !== null) {
    const out: JsonObject = {};
    for (const [key, member] of Object.entries(value)) {
      const evaluated = evaluateValue(member, ctx);
      Object.defineProperty(out, key, {
        value: evaluated,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  return null;
}
