import type { JsonValue } from '../../expressions/values';
import { fromArray } from './from-array';

/** Join: strings as they are, null as empty, numbers and booleans as JSON, objects and arrays as JSON text. */
export function join(from: JsonValue, joinWith: string): string {
  return fromArray(from, 'join')
    .map((item) => (item === null ? '' : typeof item === 'string' ? item : JSON.stringify(item)))
    .join(joinWith);
}
