import type { JsonValue } from '../../expressions/values';
import { fromArray } from './from-array';

/** Select: maps every item of `from` through `project`. */
export function select(from: JsonValue, project: (item: JsonValue, index: number) => JsonValue): JsonValue[] {
  return fromArray(from, 'select').map((item, index) => project(item, index));
}
