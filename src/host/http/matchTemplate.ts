/** Matches decoded path segments against a parsed route template; returns the route values or undefined. */
import type { ParamPart, RouteTemplate, Segment } from './routeTemplate';

export type RouteValues = Record<string, string>;

export function matchTemplate(
  template: RouteTemplate,
  pathSegments: readonly string[],
): RouteValues | undefined {
  const values: RouteValues = {};
  const { segments } = template;
  for (let index = 0; index < segments.length; index += 1) {
    const segment = segments[index] ?? [];
    const single = segment.length === 1 ? segment[0] : undefined;
    if (single?.kind === 'param' && single.catchAll) {
      const rest = pathSegments.slice(index).join('/');
      return bindOptional(single, rest === '' ? undefined : rest, values) ? values : undefined;
    }
    const actual = pathSegments[index];
    if (actual === undefined) {
      if (single?.kind === 'param' && (single.optional || single.defaultValue !== undefined)) {
        if (!bindOptional(single, undefined, values)) return undefined;
        continue;
      }
      return undefined;
    }
    if (!matchSegment(segment, actual, values)) return undefined;
  }
  return pathSegments.length > segments.length ? undefined : values;
}

function bindOptional(param: ParamPart, value: string | undefined, values: RouteValues): boolean {
  const effective = value ?? param.defaultValue;
  if (effective === undefined) return true;
  if (!param.constraints.every((check) => check(effective))) return false;
  values[param.name] = effective;
  return true;
}

function matchSegment(segment: Segment, actual: string, values: RouteValues): boolean {
  if (segment.length === 1 && segment[0]) {
    const part = segment[0];
    if (part.kind === 'literal') return part.text.toLowerCase() === actual.toLowerCase();
    if (!part.constraints.every((check) => check(actual))) return false;
    values[part.name] = actual;
    return true;
  }
  // Complex segment such as `{name}.{ext}`: greedy groups split at the last literal, as ASP.NET
  // matches complex segments from right to left.
  const params = segment.filter((p): p is ParamPart => p.kind === 'param');
  const match = complexPattern(segment).exec(actual);
  if (!match) return false;
  for (const [i, param] of params.entries()) {
    const value = match[i + 1] ?? '';
    if (!param.constraints.every((check) => check(value))) return false;
    values[param.name] = value;
  }
  return true;
}

const compiled = new WeakMap<Segment, RegExp>();

function complexPattern(segment: Segment): RegExp {
  let pattern = compiled.get(segment);
  if (!pattern) {
    const source = segment
      .map((p) => (p.kind === 'literal' ? p.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') : '(.+)'))
      .join('');
    pattern = new RegExp(`^${source}$`, 'i');
    compiled.set(segment, pattern);
  }
  return pattern;
}
