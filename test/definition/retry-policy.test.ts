/** Retry policies the engine would refuse at run time are errors when the file is checked. */
import { describe, expect, it } from 'vitest';
import { load } from './helpers';

const http = (retryPolicy: unknown, where: 'action' | 'inputs' = 'inputs'): Record<string, unknown> => ({
  Call: {
    type: 'Http',
    inputs: { method: 'GET', uri: 'https://example.com', ...(where === 'inputs' ? { retryPolicy } : {}) },
    ...(where === 'action' ? { retryPolicy } : {}),
  },
});

describe('retry policy check', () => {
  it.each<[string, unknown, 'action' | 'inputs', string, string]>([
    [
      'a fixed interval under five seconds',
      { type: 'fixed', count: 3, interval: 'PT2S' },
      'inputs',
      '/definition/actions/Call/inputs/retryPolicy/interval',
      "The retry interval must be between PT5S and P1D; 'PT2S' is shorter.",
    ],
    [
      'a maximum interval over a day',
      { type: 'exponential', count: 3, interval: 'PT10S', maximumInterval: 'P2D' },
      'action',
      '/definition/actions/Call/retryPolicy/maximumInterval',
      "The retry maximumInterval must be between PT5S and P1D; 'P2D' is longer.",
    ],
    [
      'a count over 90',
      { type: 'fixed', count: 91, interval: 'PT5S' },
      'inputs',
      '/definition/actions/Call/inputs/retryPolicy/count',
      'A fixed retry policy retries 1 to 90 times; this one says 91.',
    ],
  ])('rejects %s', (_case, policy, where, pointer, message) => {
    expect(load(http(policy, where)).errors).toMatchObject([{ pointer, message }]);
  });

  it.each([
    { type: 'fixed', count: 2, interval: 'PT5S' },
    { type: 'exponential', count: 4, interval: 'PT7S', minimumInterval: 'PT5S', maximumInterval: 'P1D' },
    { type: 'none' },
  ])('accepts %j', (policy) => {
    expect(load(http(policy)).errors).toEqual([]);
  });
});
