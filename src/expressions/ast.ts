/**
 * The expression AST. Every node carries the offsets of the source text it came from, counted in
 * UTF-16 code units from the start of the *whole string value* the author wrote (including the
 * leading `@` or the surrounding `@{ }`), so an error can point at the exact character.
 */
export interface Span {
  /** Offset of the first character. */
  readonly start: number;
  /** Offset one past the last character. */
  readonly end: number;
}

export type Expr = StringLiteral | NumberLiteral | BooleanLiteral | NullLiteral | Call | Member;

export interface StringLiteral {
  readonly kind: 'string';
  readonly value: string;
  readonly span: Span;
}
export interface NumberLiteral {
  readonly kind: 'number';
  readonly value: number;
  /** True when the literal was written with a fraction or exponent (`2.0`), as WDL keeps floats apart. */
  readonly isFloat: boolean;
  readonly span: Span;
}
export interface BooleanLiteral {
  readonly kind: 'boolean';
  readonly value: boolean;
  readonly span: Span;
}
export interface NullLiteral {
  readonly kind: 'null';
  readonly span: Span;
}
/** `name(arg, ...)`. `name` is as written; lookups are case-insensitive. */
export interface Call {
  readonly kind: 'call';
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expr[];
  readonly span: Span;
}
/** `target.prop`, `target['prop']`, `target[0]`, each optionally null-safe with `?`. */
export interface Member {
  readonly kind: 'member';
  readonly target: Expr;
  readonly property: Expr;
  /** `x?.y` / `x?['y']`: a missing property yields null instead of an error. */
  readonly optional: boolean;
  readonly span: Span;
}

/**
 * A parsed WDL string value:
 * - `literal`: no expression (`"hello"`, or `"@@hello"` which means the text `@hello`);
 * - `expression`: the whole value is one expression (`"@body('x')"`), and its result keeps its type;
 * - `interpolation`: text with `@{...}` holes (`"Hi @{name}"`); the result is always a string.
 */
export type Template =
  | { readonly kind: 'literal'; readonly value: string }
  | { readonly kind: 'expression'; readonly expr: Expr }
  | { readonly kind: 'interpolation'; readonly parts: readonly (string | Expr)[] };
