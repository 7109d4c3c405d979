/**
 * The variable actions. Variables live in the run state and change synchronously inside the
 * orchestrator, so each change is atomic even in a concurrent Foreach (where Logic Apps warns that
 * the order of changes across iterations is not defined).
 */
import { toInterpolatedString } from '../../expressions/stringify';
import { isJsonObject, type JsonValue } from '../../expressions/values';
import type { Variable, VariableType } from '../run-state';
import { type ActionEnv, type Executor, failed, type Outcome, sync } from './env';
import { text } from '../text';

const TYPES: readonly VariableType[] = ['Array', 'Boolean', 'Float', 'Integer', 'Object', 'String'];

export const initializeVariable = sync((env) => {
  const inputs = env.evaluate(env.def.inputs ?? {});
  const list = isJsonObject(inputs) && Array.isArray(inputs.variables) ? inputs.variables : [];
  for (const entry of list) {
    if (!isJsonObject(entry) || typeof entry.name !== 'string') continue;
    const type = TYPES.find((t) => t.toLowerCase() === text(entry.type).toLowerCase());
    if (type === undefined)
      return failed(
        'InvalidVariableType',
        `Variable '${entry.name}' has unknown type '${text(entry.type)}'.`,
      );
    if (env.state.variables.has(entry.name.toLowerCase())) {
      return failed('InvalidVariable', `The variable '${entry.name}' is already initialized.`);
    }
    const value: JsonValue = entry.value === undefined ? defaultValue(type) : entry.value;
    const mismatch = typeMismatch(entry.name, type, value);
    if (mismatch !== undefined) return mismatch;
    env.state.variables.set(entry.name.toLowerCase(), { name: entry.name, type, value });
  }
  return { status: 'Succeeded', inputs };
});

export const setVariable = sync((env) => {
  return change(env, (variable, value) => {
    const mismatch = typeMismatch(variable.name, variable.type, value);
    if (mismatch !== undefined) return mismatch;
    variable.value = value ?? null;
    env.state.assigned.add(variable.name.toLowerCase());
    return undefined;
  });
});

const step = (sign: 1 | -1): Executor =>
  sync((env) =>
    change(env, (variable, value) => {
      const by = value === undefined || value === null ? 1 : value;
      if (typeof by !== 'number' || typeof variable.value !== 'number') {
        return failed(
          'InvalidOperation',
          `The variable '${variable.name}' of type '${variable.type}' cannot be incremented or decremented by ${JSON.stringify(by)}: both must be numbers.`,
        );
      }
      if (variable.type === 'Integer' && !Number.isInteger(by)) {
        return failed(
          'InvalidOperation',
          `The variable '${variable.name}' of type 'Integer' cannot be incremented or decremented by ${by}: the value must be an integer.`,
        );
      }
      variable.value += sign * by;
      return undefined;
    }),
  );
export const incrementVariable = step(1);
export const decrementVariable = step(-1);

export const appendToArrayVariable = sync((env) => {
  return change(env, (variable, value) => {
    if (!Array.isArray(variable.value)) {
      return failed(
        'InvalidOperation',
        `The variable '${variable.name}' is of type '${variable.type}', not 'Array'.`,
      );
    }
    variable.value = [...variable.value, value ?? null];
    return undefined;
  });
});

export const appendToStringVariable = sync((env) => {
  return change(env, (variable, value) => {
    if (typeof variable.value !== 'string') {
      return failed(
        'InvalidOperation',
        `The variable '${variable.name}' is of type '${variable.type}', not 'String'.`,
      );
    }
    variable.value += toInterpolatedString(value ?? '');
    return undefined;
  });
});

/** Finds the variable named in the inputs and applies `apply`; the outputs show the new value. */
function change(
  env: ActionEnv,
  apply: (variable: Variable, value: JsonValue | undefined) => Outcome | undefined,
): Outcome {
  const inputs = env.evaluate(env.def.inputs ?? {});
  const name = isJsonObject(inputs) && typeof inputs.name === 'string' ? inputs.name : '';
  const variable = env.state.variables.get(name.toLowerCase());
  if (variable === undefined) {
    return failed(
      'InvalidVariable',
      `The variable '${name}' does not exist. Initialize it with an InitializeVariable action at the top level first.`,
      { inputs },
    );
  }
  const problem = apply(variable, isJsonObject(inputs) ? inputs.value : undefined);
  if (problem !== undefined) return { ...problem, inputs };
  return { status: 'Succeeded', inputs, outputs: { body: { name: variable.name, value: variable.value } } };
}

function defaultValue(type: VariableType): JsonValue {
  const defaults: Record<VariableType, JsonValue> = {
    Array: [],
    Boolean: false,
    Float: 0,
    Integer: 0,
    Object: {},
    String: '',
  };
  return defaults[type];
}

function typeMismatch(name: string, type: VariableType, value: JsonValue | undefined): Outcome | undefined {
  const ok =
    (type === 'Array' && Array.isArray(value)) ||
    (type === 'Boolean' && typeof value === 'boolean') ||
    (type === 'Float' && typeof value === 'number') ||
    (type === 'Integer' && typeof value === 'number' && Number.isInteger(value)) ||
    (type === 'Object' && isJsonObject(value ?? null)) ||
    (type === 'String' && typeof value === 'string');
  if (ok) return undefined;
  return failed(
    'InvalidVariableValue',
    `The variable '${name}' has type '${type}' and cannot hold ${JSON.stringify(value ?? null)}.`,
  );
}
