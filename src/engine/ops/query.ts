import type { JsonValue } from '../../expressions/values';
import { ActionFailure } from './failure';
import { fromArray } from './from-array';
import { wdlTypeName } from './type-name';

/** Query (Filter array): keeps the items for which `where` is true; `where` must be a boolean. */
export function query(from: JsonValue, where: (item: JsonValue, index: number) => JsonValue): JsonValue[] {
  return fromArray(from, 'query').filter((item, index) => {
    const keep = where(item, index);
    if (typeof keep === 'boolean') return keep;
    throw new ActionFailure(
      'InvalidTemplate',
      `The 'where' expression of the query action must evaluate to a boolean, but for item ${index} it evaluated to type '${wdlTypeName(keep)}'.`,
    );
  });
}
