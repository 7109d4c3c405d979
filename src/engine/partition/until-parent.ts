/**
 * The parent's side of a long Until. The first `size` iterations run inline; then the loop goes on
 * in partitions, child runs of at most `size` iterations each, one after another. Each receives the
 * loop's limits (the count, and the deadline as a point in time), the iteration to start from, the
 * variables and the records of earlier actions the loop names, and returns why the loop stopped, or
 * that it goes on. So no history holds more than `size` iterations; the parent's grows by one child
 * run per `size` iterations.
 */
import { type ActionEnv, type Outcome } from '../actions/env';
import { untilOutcome } from '../actions/until-segment';
import type { Proc } from '../scheduler';
import { applyPartition } from './apply';
import { callPartition } from './call';
import { readsResult } from './parent';
import type { PartitionRef, UntilLimits } from './types';

export function* continueUntil(env: ActionEnv, limits: UntilLimits): Proc<Outcome> {
  const { state, record } = env;
  const refs: PartitionRef[] = [];
  record.partitions = refs;
  const iterations = (record.iterations ??= []);
  const fullRecords = readsResult(state.input.definition, record.name);
  for (let index = 0, first = limits.size; ; index++, first += limits.size) {
    const slice = { kind: 'until', items: [], first, concurrency: 1, fullRecords, until: limits } as const;
    const called = yield* callPartition(env, refs, index, slice);
    if (!called.ok) return called.failure;
    if (applyPartition(state, called.result, called.sent, iterations)) return { status: 'Cancelled' };
    const stop = called.result.stoppedBy;
    if (stop !== undefined) return untilOutcome(stop, called.result.ran ?? iterations.length);
  }
}
