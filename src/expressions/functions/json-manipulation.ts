/**
 * The JSON manipulation functions of the "JSON and XML" family: `coalesce`, `addProperty`,
 * `setProperty` and `removeProperty`. Objects are never changed in place; each call returns a copy.
 */
import { ExpressionError } from '../errors';
import type { JsonObject, JsonValue } from '../values';
import { argObject, argString } from './args';
import { definer } from './define';
import type { FunctionDef } from './types';

const fn = definer('json-xml');

/** A copy of the object with `name` set, defined as an own data property (never a prototype setter). */
function withProperty(object: JsonObject, name: string, value: JsonValue): JsonObject {
  const copy: JsonObject = { ...object };
  Object.defineProperty(copy, name, { value, enumerable: true, writable: true, configurable: true });
  return copy;
}

export const jsonManipulationFunctions: readonly FunctionDef[] = [
  fn(
    'coalesce',
    1,
    Infinity,
    'The first argument that is not null.',
    (args) => args.find((v) => v !== null) ?? null,
  ),
  fn('addProperty', 3, 3, 'A copy of the object with a new property; fails when it exists.', (args, call) => {
    const object = argObject(call, args, 0);
    const name = argString(call, args, 1);
    if (Object.hasOwn(object, name)) {
      throw new ExpressionError(
        `The template language function 'addProperty' cannot add the property '${name}' because it already exists. Use setProperty to replace it.`,
        call.args[1]?.span ?? call.span,
      );
    }
    return withProperty(object, name, args[2] ?? null);
  }),
  fn('setProperty', 3, 3, 'A copy of the object with the property added or replaced.', (args, call) =>
    withProperty(argObject(call, args, 0), argString(call, args, 1), args[2] ?? null),
  ),
  fn('removeProperty', 2, 2, 'A copy of the object without the property.', (args, call) => {
    const object = argObject(call, args, 0);
    const name = argString(call, args, 1);
    return Object.fromEntries<JsonValue>(Object.entries(object).filter(([key]) => key !== name));
  }),
];
