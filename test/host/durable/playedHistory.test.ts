import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { EventType, type HistoryEvent, historyEvent } from '../../../src/host/durable/history';
import { playedHistoryJson } from '../../../src/host/durable/orchestration/playedHistory';

/** What the payload carried before the cache: every past event, marked played, serialized afresh. */
const fromScratch = (past: readonly HistoryEvent[]): string =>
  past.map((e) => JSON.stringify({ ...e, IsPlayed: true })).join(',');

const event = (i: number, result = `r${i}`): HistoryEvent =>
  historyEvent(EventType.TaskCompleted, `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, {
    TaskScheduledId: i,
    Result: JSON.stringify({ body: result, 'quote"and\\slash': [i, null] }),
  });

// One step of an instance's life as the episodes see it: events appended, or the history reset.
const step = fc.oneof(
  fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 0, max: 4 }) }),
  fc.record({ kind: fc.constant('reset' as const), count: fc.integer({ min: 1, max: 3 }) }),
);

describe('played history text for the orchestrator payload', () => {
  test('equals serializing the whole past afresh, episode after episode, across appends and resets', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 25 }), (steps) => {
        let history: HistoryEvent[] = [historyEvent(EventType.ExecutionStarted, '2026-01-01T00:00:00.000Z')];
        let n = 0;
        for (const s of steps) {
          const added = Array.from({ length: s.count }, () => event(n++));
          // The stores append to the same array (same objects) and start a new one on reset.
          history = s.kind === 'append' ? [...history, ...added] : added;
          expect(playedHistoryJson([...history])).toBe(fromScratch(history));
        }
      }),
    );
  });

  test.each([
    ['an empty past', () => [[], []]],
    [
      'a past whose earlier events were swapped for other objects behind the same first event',
      () => {
        const first = historyEvent(EventType.ExecutionStarted, '2026-01-01T00:00:00.000Z');
        return [
          [first, event(1), event(2)],
          [first, event(1, 'changed'), event(2, 'changed'), event(3)],
        ];
      },
    ],
    [
      'a shorter past behind the same first event',
      () => {
        const first = historyEvent(EventType.ExecutionStarted, '2026-01-01T00:00:00.000Z');
        const second = event(1);
        return [
          [first, second, event(2)],
          [first, second],
        ];
      },
    ],
  ])('is exact for %s', (_name, make) => {
    for (const past of make()) expect(playedHistoryJson(past)).toBe(fromScratch(past));
  });
});
