/**
 * Nesting depth of JSON text, measured before parsing. The parsers and checks that follow walk the
 * tree recursively, so a file nested a hundred thousand levels deep overflowed the stack; a linear
 * scan refuses it first and says where, as a JSON pointer.
 */
import type { JsonPath } from './diagnostic';

/** Far deeper than any real definition (Logic Apps nests actions at most 8 scopes deep). */
export const MAX_JSON_DEPTH = 256;

export interface TooDeep {
  readonly offset: number;
  readonly path: JsonPath;
}

/** Where the text first nests deeper than `max`, or undefined. Invalid JSON is left to the parser. */
export function findTooDeep(text: string, max = MAX_JSON_DEPTH): TooDeep | undefined {
  // One entry per open container: the key or index being read inside it.
  const path: (string | number)[] = [];
  const inArray: boolean[] = [];
  let lastString: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') {
      const end = stringEnd(text, i);
      lastString = text.slice(i + 1, end);
      i = end;
    } else if (c === '{' || c === '[') {
      if (path.length >= max) return { offset: i, path: [...path] };
      inArray.push(c === '[');
      path.push(c === '[' ? 0 : '');
    } else if (c === '}' || c === ']') {
      path.pop();
      inArray.pop();
    } else if (c === ':' && lastString !== undefined && path.length > 0) {
      path[path.length - 1] = decodeKey(lastString);
    } else if (c === ',' && inArray.at(-1) === true) {
      path[path.length - 1] = Number(path.at(-1)) + 1;
    }
  }
  return undefined;
}

function stringEnd(text: string, start: number): number {
  for (let i = start + 1; i < text.length; i++) {
    if (text[i] === '\\') i++;
    else if (text[i] === '"') return i;
  }
  return text.length;
}

function decodeKey(raw: string): string {
  try {
    return JSON.parse(`"${raw}"`) as string;
  } catch {
    return raw;
  }
}
