/**
 * Turns zod issues into precise findings: the JSON path of the field, what was expected,
 * what was there. zod's own texts are not shown.
 */
import type { z } from 'zod';
import { describeValue, type Finding, type JsonPath } from './diagnostic';

type Issue = z.core.$ZodIssue;

export function translateIssues(issues: readonly Issue[], base: JsonPath, data: unknown): Finding[] {
  return issues.map((issue) => translate(issue, base, data));
}

function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let current = data;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}

function translate(issue: Issue, base: JsonPath, data: unknown): Finding {
  const relative = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const path = [...base, ...relative];
  const field = relative.length > 0 ? `'${String(relative.at(-1))}'` : 'the value';
  const actualValue = valueAt(data, relative);
  const actual = describeValue(actualValue);
  switch (issue.code) {
    case 'invalid_type': {
      const expected =
        issue.expected === 'object'
          ? 'an object'
          : issue.expected === 'array'
            ? 'an array'
            : `a ${issue.expected}`;
      if (actualValue === undefined) {
        return { severity: 'error', path, message: `${field} is required.`, expected, actual };
      }
      return {
        severity: 'error',
        path,
        message: `${field} must be ${expected}, not ${actual}.`,
        expected,
        actual,
      };
    }
    case 'invalid_union': {
      // Report the branch that got furthest (fewest issues), as the author most likely meant it.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0];
      const first = best?.[0];
      if (first !== undefined && best !== undefined && best.length <= 2) {
        return translate({ ...first, path: [...issue.path, ...first.path] }, base, data);
      }
      return { severity: 'error', path, message: `${field} does not match any accepted form.`, actual };
    }
    case 'invalid_format':
    case 'invalid_value': {
      const expected = issue.message.replace(/^expected /, '');
      return {
        severity: 'error',
        path,
        message: `${field} must be ${expected}; got ${actual}.`,
        expected,
        actual,
      };
    }
    case 'too_small':
      return {
        severity: 'error',
        path,
        message: `${field} must be ${issue.origin === 'array' ? `a list of at least ${String(issue.minimum)} item(s)` : `at least ${String(issue.minimum)}`}; got ${actual}.`,
        expected: `>= ${String(issue.minimum)}`,
        actual,
      };
    case 'too_big':
      return {
        severity: 'error',
        path,
        message: `${field} must be at most ${String(issue.maximum)}; got ${actual}.`,
        expected: `<= ${String(issue.maximum)}`,
        actual,
      };
    default:
      return { severity: 'error', path, message: `${field}: ${issue.message}.`, actual };
  }
}
