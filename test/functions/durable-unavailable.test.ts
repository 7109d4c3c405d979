/** Reading the Durable API's 503 out of the durable-functions client's error. */
import { describe, expect, it } from 'vitest';
import { durableUnavailable } from '../../src/functions/api/durable-unavailable';

describe('durableUnavailable', () => {
  it.each([
    [
      'a 503 with a JSON string body',
      new Error('The operation failed with an unexpected status code: 503. Details: "The store is locked."'),
      'The store is locked.',
    ],
    [
      'a 503 with an object body',
      new Error('The operation failed with an unexpected status code: 503. Details: {"reason":"full"}'),
      '{"reason":"full"}',
    ],
    [
      'a 500',
      new Error('The operation failed with an unexpected status code: 500. Details: "boom"'),
      undefined,
    ],
    ['any other error', new Error('socket hang up'), undefined],
    ['a thrown string', 'unexpected status code: 503. Details: "x"', undefined],
  ])('reads %s', (_label, error, reason) => {
    expect(durableUnavailable(error)).toBe(reason);
  });
});
