/** What the loader and the static checks report. */
export type Severity = 'error' | 'warning';

/** A path inside the file's JSON, as segments; rendered as an RFC 6901 pointer. */
export type JsonPath = readonly (string | number)[];

export interface Diagnostic {
  readonly severity: Severity;
  readonly file: string;
  /** RFC 6901 JSON pointer into the file (`/definition/actions/Call_API/runAfter/Parse`). */
  readonly pointer: string;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  /** A fix, when one is known ("Did you mean 'Parse_JSON'?"). */
  readonly hint?: string;
  /** Offset inside the expression string value, when the problem is inside an expression. */
  readonly position?: number;
  /** The string value holding the expression, for a caret excerpt. */
  readonly expression?: string;
  /** 1-based line and column in the file. */
  readonly line?: number;
  readonly column?: number;
}

/** A finding before the file position is known; checks produce these. */
export interface Finding {
  readonly severity: Severity;
  readonly path: JsonPath;
  readonly message: string;
  readonly expected?: string;
  readonly actual?: string;
  readonly hint?: string;
  readonly position?: number;
  readonly expression?: string;
}

export function toPointer(path: JsonPath): string {
  return path.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/** A short description of a JSON value's type for "expected X, got Y". */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing (the field is missing)';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string')
    return value.length > 40 ? `a string '${value.slice(0, 37)}...'` : `the string '${value}'`;
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value;
}
