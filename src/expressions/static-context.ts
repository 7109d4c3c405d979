/**
 * An `EvaluationContext` built from plain JSON, for `flowline expr`, tests and documentation
 * examples. Deterministic: time is fixed, GUIDs count up, `rand` follows a seeded sequence.
 */
import type { ActionSnapshot, ActionStatus, EvaluationContext } from './context';
import { isJsonObject, type JsonObject, type JsonValue } from './values';

/** The shape of a `--context` file. Every field is optional. */
export interface StaticContextData {
  /** ISO 8601 time returned by `utcNow()`; default 2024-01-01T00:00:00Z. */
  readonly now?: string;
  readonly parameters?: JsonObject;
  readonly variables?: JsonObject;
  /** Actions by name: `{status?, inputs?, outputs?, ...}`; status defaults to Succeeded. */
  readonly actions?: JsonObject;
  /** The trigger snapshot: `{outputs: {body, headers, queries}}`. */
  readonly trigger?: JsonObject;
  /** Current item per Foreach name; `item` is the innermost one. */
  readonly items?: JsonObject;
  readonly item?: JsonValue;
  readonly iterationIndexes?: JsonObject;
  readonly results?: JsonObject;
  readonly appsettings?: JsonObject;
  readonly workflow?: JsonValue;
  readonly seed?: number;
}

export const DEFAULT_NOW = '2024-01-01T00:00:00Z';

export function createStaticContext(data: StaticContextData = {}): EvaluationContext {
  const now = Date.parse(data.now ?? DEFAULT_NOW);
  if (Number.isNaN(now))
    throw new Error(`context.now must be an ISO 8601 date-time; got '${data.now ?? ''}'.`);
  let guidCounter = 0;
  let seed = (data.seed ?? 42) >>> 0;
  const lookup = (obj: JsonObject | undefined, name: string): JsonValue | undefined =>
    obj !== undefined && Object.hasOwn(obj, name) ? obj[name] : undefined;
  const firstItem = data.items ? Object.values(data.items).at(-1) : undefined;
  return {
    now: () => now,
    newGuid: () => `00000000-0000-4000-8000-${(++guidCounter).toString(16).padStart(12, '0')}`,
    random: () => {
      // mulberry32: a tiny deterministic generator, enough for examples and tests.
      seed = (seed + 0x6d2b79f5) >>> 0;
      let t = seed;
      t = Math.imul(t ^ (t >>> 15), t | 1);
      t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    },
    parameter: (name) => lookup(data.parameters, name),
    variable: (name) => lookup(data.variables, name),
    action: (name) => snapshot(name, lookup(data.actions, name)),
    trigger: () => (data.trigger ? snapshot('manual', data.trigger) : undefined),
    item: (loopName) => (loopName === undefined ? (data.item ?? firstItem) : lookup(data.items, loopName)),
    iterationIndex: (loopName) => {
      const value = lookup(data.iterationIndexes, loopName);
      return typeof value === 'number' ? value : undefined;
    },
    result: (scopeName) => {
      const value = lookup(data.results, scopeName);
      if (!Array.isArray(value)) return undefined;
      return value.map((entry, i) => snapshot(`action${i}`, entry)).filter((s) => s !== undefined);
    },
    workflow: () => data.workflow ?? { name: 'workflow', run: { name: 'run' } },
    appSetting: (name) => {
      const value = lookup(data.appsettings, name);
      return value === undefined || value === null
        ? undefined
        : typeof value === 'string'
          ? value
          : JSON.stringify(value);
    },
  };
}

function snapshot(name: string, value: JsonValue | undefined): ActionSnapshot | undefined {
  if (!isJsonObject(value)) return undefined;
  const text = (key: string): string | undefined => (typeof value[key] === 'string' ? value[key] : undefined);
  return {
    name: text('name') ?? name,
    type: text('type') ?? 'Compose',
    status: (text('status') ?? 'Succeeded') as ActionStatus,
    inputs: value.inputs,
    outputs: value.outputs,
    startTime: text('startTime'),
    endTime: text('endTime'),
    code: text('code'),
    error: value.error,
    trackedProperties: value.trackedProperties,
  };
}
