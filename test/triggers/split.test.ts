/** The pure part of splitOn and trigger conditions: what starts, what is skipped, what is an error. */
import { describe, expect, it } from 'vitest';
import type { JsonObject } from '../../src/expressions/values';
import { splitTrigger } from '../../src/functions/triggers/split';

const outputs = (body: unknown): JsonObject => ({ headers: {}, body }) as JsonObject;

describe('splitTrigger', () => {
  it.each([
    {
      case: 'no splitOn and no conditions starts one run with the outputs unchanged',
      trigger: {},
      body: { a: 1 },
      runs: [{ a: 1 }],
      skipped: [],
    },
    {
      case: 'splitOn gives each item its own run',
      trigger: { splitOn: "@triggerBody()?['items']" },
      body: { items: [1, 2, 3] },
      runs: [1, 2, 3],
      skipped: [],
    },
    {
      case: 'an empty array starts nothing',
      trigger: { splitOn: "@triggerBody()?['items']" },
      body: { items: [] },
      runs: [],
      skipped: [],
    },
    {
      case: 'conditions filter split items one by one',
      trigger: { splitOn: '@triggerBody()', conditions: [{ expression: '@greater(triggerBody(), 1)' }] },
      body: [1, 2, 3],
      runs: [2, 3],
      skipped: ['@greater(triggerBody(), 1)'],
    },
    {
      case: 'every condition must hold',
      trigger: { conditions: [{ expression: '@true' }, { expression: "@equals(parameters('mode'), 'on')" }] },
      body: {},
      runs: [],
      skipped: ["@equals(parameters('mode'), 'on')"],
    },
  ])('$case', ({ trigger, body, runs, skipped }) => {
    const split = splitTrigger(trigger as unknown as JsonObject, outputs(body), { mode: 'off' });
    expect(split).toEqual({ ok: true, runs: runs.map((b) => outputs(b)), skipped });
  });

  it.each([
    {
      case: 'splitOn that is not an array',
      trigger: { splitOn: "@triggerBody()?['items']" },
      pointer: '/splitOn',
      message: "splitOn '@triggerBody()?['items']' must evaluate to an array; it gave string \"x\".",
    },
    {
      case: 'a condition that is not a boolean',
      trigger: { conditions: [{ expression: "@triggerBody()?['items']" }] },
      pointer: '/conditions/0/expression',
      message:
        "Trigger condition '@triggerBody()?['items']' must evaluate to true or false; it gave string \"x\".",
    },
    {
      case: 'a condition whose expression fails',
      trigger: { conditions: [{ expression: "@int('x')" }] },
      pointer: '/conditions',
      message: 'A trigger expression failed: ',
    },
  ])('reports $case as an error of the workflow', ({ trigger, pointer, message }) => {
    const split = splitTrigger(trigger as unknown as JsonObject, outputs({ items: 'x' }), {});
    expect(split.ok ? undefined : split.pointer).toBe(pointer);
    expect((split.ok ? '' : split.message).startsWith(message)).toBe(true);
  });
});
