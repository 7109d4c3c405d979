/**
 * ASP.NET Core inline route constraints (`{id:int}`, `{n:range(1,9)}`, `{s:regex(^a+$)}`), evaluated
 * on the decoded route value like ASP.NET does with the invariant culture.
 */
export type ConstraintCheck = (value: string) => boolean;

const INT = /^\s*[+-]?\d+\s*$/;
const REAL = /^\s*[+-]?(\d+(,\d{3})*(\.\d*)?|\.\d+)([eE][+-]?\d+)?\s*$/;
const DECIMAL = /^\s*[+-]?(\d+(,\d{3})*(\.\d*)?|\.\d+)\s*$/;
const HEX32 = '[0-9a-f]{32}';
const GUID = new RegExp(
  `^(${HEX32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|\\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}|\\([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\))$`,
  'i',
);
const INT32 = [-(2n ** 31n), 2n ** 31n - 1n] as const;
const INT64 = [-(2n ** 63n), 2n ** 63n - 1n] as const;

function inRange(value: string, [min, max]: readonly [bigint, bigint]): boolean {
  if (!INT.test(value)) return false;
  const n = BigInt(value.trim());
  return n >= min && n <= max;
}

function toLong(value: string): bigint | undefined {
  return inRange(value, INT64) ? BigInt(value.trim()) : undefined;
}

/** DateTime.TryParse (invariant) accepts far more shapes; this accepts what `Date` parses and has a digit. */
function isDateTime(value: string): boolean {
  return /\d/.test(value) && !Number.isNaN(Date.parse(value));
}

type Factory = (args: readonly string[]) => ConstraintCheck;

function longArg(name: string, args: readonly string[], index: number): bigint {
  const raw = args[index];
  const parsed = raw === undefined ? undefined : toLong(raw);
  if (parsed === undefined) {
    throw new Error(`Route constraint '${name}' expects integer argument ${index + 1}, got '${raw ?? ''}'.`);
  }
  return parsed;
}

function arity(name: string, args: readonly string[], allowed: readonly number[]): void {
  if (!allowed.includes(args.length)) {
    throw new Error(
      `Route constraint '${name}' takes ${allowed.join(' or ')} argument(s), got ${args.length}.`,
    );
  }
}

const FACTORIES: Record<string, Factory> = {
  int: () => (v) => inRange(v, INT32),
  long: () => (v) => inRange(v, INT64),
  bool: () => (v) => /^\s*(true|false)\s*$/i.test(v),
  alpha: () => (v) => /^[a-z]*$/i.test(v),
  guid: () => (v) => GUID.test(v.trim()),
  datetime: () => isDateTime,
  decimal: () => (v) => DECIMAL.test(v),
  double: () => (v) => REAL.test(v),
  float: () => (v) => REAL.test(v),
  min: (args) => {
    arity('min', args, [1]);
    const min = longArg('min', args, 0);
    return (v) => (toLong(v) ?? min - 1n) >= min;
  },
  max: (args) => {
    arity('max', args, [1]);
    const max = longArg('max', args, 0);
    return (v) => (toLong(v) ?? max + 1n) <= max;
  },
  range: (args) => {
    arity('range', args, [2]);
    const [min, max] = [longArg('range', args, 0), longArg('range', args, 1)];
    return (v) => {
      const n = toLong(v);
      return n !== undefined && n >= min && n <= max;
    };
  },
  length: (args) => {
    arity('length', args, [1, 2]);
    const min = Number(longArg('length', args, 0));
    const max = args.length === 2 ? Number(longArg('length', args, 1)) : min;
    return (v) => v.length >= min && v.length <= max;
  },
  minlength: (args) => {
    arity('minlength', args, [1]);
    const min = Number(longArg('minlength', args, 0));
    return (v) => v.length >= min;
  },
  maxlength: (args) => {
    arity('maxlength', args, [1]);
    const max = Number(longArg('maxlength', args, 0));
    return (v) => v.length <= max;
  },
  /** Like ASP.NET's RegexRouteConstraint the pattern is not anchored: write `^...$` to match whole values. */
  regex: (args) => {
    const pattern = args.join(',');
    const regex = new RegExp(pattern, 'i');
    return (v) => regex.test(v);
  },
};

export const CONSTRAINT_NAMES: readonly string[] = Object.keys(FACTORIES);

/** `text` is one constraint as written after `:`, e.g. `int`, `range(1,10)`, `regex(^\d+$)`. */
export function parseConstraint(text: string): ConstraintCheck {
  const open = text.indexOf('(');
  const name = (open < 0 ? text : text.slice(0, open)).trim().toLowerCase();
  const factory = FACTORIES[name];
  if (!factory) {
    throw new Error(`Unknown route constraint '${name}'. Known constraints: ${CONSTRAINT_NAMES.join(', ')}.`);
  }
  if (open < 0) return factory([]);
  if (!text.endsWith(')')) throw new Error(`Route constraint '${text}' is missing its closing ')'.`);
  const inner = text.slice(open + 1, -1);
  const args = name === 'regex' ? [inner] : inner.split(',').map((a) => a.trim());
  return factory(args);
}
