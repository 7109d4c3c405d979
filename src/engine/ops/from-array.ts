import type { JsonValue } from '../../expressions/values';
import { ActionFailure } from './failure';
import { wdlTypeName } from './type-name';

/** The `from` input of a data operation, which must be an array. */
export function fromArray(from: JsonValue, action: string): JsonValue[] {
  if (Array.isArray(from)) return from;
  throw new ActionFailure(
    'InvalidTemplate',
    `The 'from' property value in the '${action}' action inputs is of type '${wdlTypeName(from)}'. The value must be an array.`,
  );
}
