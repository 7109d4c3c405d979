/**
 * Nesting depth of JSON text, measured before parsing. Everything that handles a parsed value
 * (workflow checks, durable history, run views, expressions) walks it recursively, so a value nested
 * tens of thousands of levels deep overflowed the stack somewhere downstream; a linear scan refuses
 * the text first and says where, as a path. Workflow files, request and event bodies, and `json()`
 * use it.
 */

/** Far deeper than real data or any definition (Logic Apps nests actions at most 8 scopes deep). */
export const MAX_JSON_DEPTH = 256;

export interface TooDeep {
  readonly offset: number;
  /** Keys and indexes down to the container that passes the limit. */
  readonly path: readonly (string | number)[];
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
