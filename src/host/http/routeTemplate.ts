/**
 * ASP.NET Core route templates as the Functions host uses them: literal segments, `{name}`,
 * optional `{name?}`, defaults `{name=value}`, catch-all `{*rest}`, inline constraints
 * `{id:int:min(1)}` and complex segments such as `{file}.{ext}`. Braces are escaped by doubling.
 * Matching is case-insensitive.
 */
import { type ConstraintCheck, parseConstraint } from './constraints';

export interface ParamPart {
  readonly kind: 'param';
  readonly name: string;
  readonly optional: boolean;
  readonly catchAll: boolean;
  readonly constraints: readonly ConstraintCheck[];
  readonly defaultValue: string | undefined;
}
export interface LiteralPart {
  readonly kind: 'literal';
  readonly text: string;
}
export type Part = ParamPart | LiteralPart;
export type Segment = readonly Part[];

export interface RouteTemplate {
  readonly text: string;
  readonly segments: readonly Segment[];
  /** ASP.NET inbound precedence digits, one per segment: lower is more specific. */
  readonly precedence: readonly number[];
}

export function parseRouteTemplate(text: string): RouteTemplate {
  const trimmed = text.replace(/^~?\/+/, '').replace(/\/+$/, '');
  const segments = trimmed === '' ? [] : splitSegments(trimmed).map((s) => parseSegment(s, text));
  validate(segments, text);
  return { text: trimmed, segments, precedence: segments.map(precedenceDigit) };
}

/** Splits at `/` outside parameters. Inside a parameter `{{` and `}}` are escaped braces. */
function splitSegments(template: string): string[] {
  const segments: string[] = [];
  let current = '';
  let inParam = false;
  for (let i = 0; i < template.length; i += 1) {
    const char = template.charAt(i);
    const pair = (char === '{' || char === '}') && template.charAt(i + 1) === char;
    if (pair) {
      current += char + char;
      i += 1;
      continue;
    }
    if (char === '{') inParam = true;
    else if (char === '}') inParam = false;
    if (char === '/' && !inParam) {
      segments.push(current);
      current = '';
    } else current += char;
  }
  segments.push(current);
  return segments;
}

function parseSegment(segment: string, template: string): Segment {
  if (segment === '') throw new Error(`Route template '${template}' has an empty segment ('//').`);
  const parts: Part[] = [];
  let literal = '';
  for (let i = 0; i < segment.length; i += 1) {
    const char = segment.charAt(i);
    const next = segment.charAt(i + 1);
    if ((char === '{' || char === '}') && next === char) {
      literal += char;
      i += 1;
    } else if (char === '{') {
      if (literal) parts.push({ kind: 'literal', text: literal });
      literal = '';
      let body = '';
      let j = i + 1;
      for (; j < segment.length; j += 1) {
        const c = segment.charAt(j);
        if ((c === '{' || c === '}') && segment.charAt(j + 1) === c) {
          body += c;
          j += 1;
        } else if (c === '}') break;
        else body += segment.charAt(j);
      }
      if (j >= segment.length)
        throw new Error(`Route template '${template}': parameter '{${body}' is not closed with '}'.`);
      parts.push(parseParam(body, template));
      i = j;
    } else if (char === '}') {
      throw new Error(
        `Route template '${template}': unmatched '}' in segment '${segment}'. Escape it as '}}'.`,
      );
    } else literal += char;
  }
  if (literal) parts.push({ kind: 'literal', text: literal });
  return parts;
}

function parseParam(body: string, template: string): ParamPart {
  let rest = body;
  const catchAll = rest.startsWith('*');
  rest = rest.replace(/^\*{1,2}/, '');
  const nameMatch = /^[^:=?]+/.exec(rest);
  if (!nameMatch) throw new Error(`Route template '${template}': parameter '{${body}}' has no name.`);
  const name = nameMatch[0].trim();
  rest = rest.slice(nameMatch[0].length);
  const constraintTexts: string[] = [];
  while (rest.startsWith(':')) {
    const end = constraintEnd(rest);
    constraintTexts.push(rest.slice(1, end));
    rest = rest.slice(end);
  }
  let optional = false;
  let defaultValue: string | undefined;
  if (rest.startsWith('=')) defaultValue = rest.slice(1);
  else if (rest === '?') optional = true;
  else if (rest !== '')
    throw new Error(`Route template '${template}': cannot parse parameter '{${body}}' near '${rest}'.`);
  if (defaultValue?.endsWith('?'))
    throw new Error(`Route template '${template}': '{${body}}' cannot be optional and have a default.`);
  const constraints = constraintTexts.map((c) => {
    try {
      return parseConstraint(c);
    } catch (error) {
      throw new Error(`Route template '${template}', parameter '${name}': ${(error as Error).message}`, {
        cause: error,
      });
    }
  });
  return { kind: 'param', name, optional, catchAll, constraints, defaultValue };
}

/**
 * End of one `:constraint` (index of the next `:`, `=`, `?` or end). An argument list `(...)` ends at
 * the first `)` followed by the end, `:`, `=` or a final `?`, so regexes may hold parentheses.
 */
function constraintEnd(rest: string): number {
  let i = 1;
  while (i < rest.length && !':=?('.includes(rest.charAt(i))) i += 1;
  if (rest.charAt(i) !== '(') return i;
  for (let j = i + 1; j < rest.length; j += 1) {
    if (rest.charAt(j) !== ')') continue;
    const after = rest.slice(j + 1);
    if (after === '' || after === '?' || after.startsWith(':') || after.startsWith('=')) return j + 1;
  }
  return rest.length;
}

function validate(segments: readonly Segment[], template: string): void {
  const names = new Set<string>();
  segments.forEach((segment, index) => {
    for (const part of segment) {
      if (part.kind !== 'param') continue;
      const key = part.name.toLowerCase();
      if (names.has(key))
        throw new Error(`Route template '${template}' uses the parameter name '${part.name}' twice.`);
      names.add(key);
      if (part.catchAll && (index !== segments.length - 1 || segment.length !== 1)) {
        throw new Error(
          `Route template '${template}': catch-all '{*${part.name}}' must be the whole last segment.`,
        );
      }
      if (part.optional && segment.length !== 1) {
        throw new Error(
          `Route template '${template}': optional '{${part.name}?}' must be a whole segment in this host.`,
        );
      }
    }
  });
}

function precedenceDigit(segment: Segment): number {
  const [only, ...more] = segment;
  if (!only || more.length > 0) return 2;
  if (only.kind === 'literal') return 1;
  if (only.catchAll) return 5;
  return only.constraints.length > 0 ? 3 : 4;
}
