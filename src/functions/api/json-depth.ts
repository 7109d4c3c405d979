/**
 * Refuses JSON bodies nested deeper than the definition's limit before they are parsed. Durable
 * history, schema checks and expressions walk values recursively; a body nested thousands of levels
 * deep overflowed the stack there and the caller got an empty 500.
 */
import type { HttpResponseInit } from '@azure/functions';
import { findTooDeep, MAX_JSON_DEPTH } from '../../expressions/json-depth';
import { toPointer } from '../../definition/diagnostic';
import { problem } from './problem';

/** A 400 problem naming where `text` passes the nesting limit, or undefined when it does not. */
export function tooDeepProblem(text: string, what: 'request' | 'event'): HttpResponseInit | undefined {
  const deep = findTooDeep(text);
  if (deep === undefined) return undefined;
  return problem(
    400,
    `${what === 'request' ? 'Request' : 'Event'} body nested too deep`,
    `The ${what} body is nested more than ${MAX_JSON_DEPTH} levels deep.`,
    { pointer: toPointer(deep.path) },
  );
}
