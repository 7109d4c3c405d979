/**
 * The faulty-backend cases: what the backend does, the action's retry policy and timeouts, and what
 * the run must show. Each case becomes a workflow with one Http action and a failure handler.
 */
import { post } from './workflows';

export interface Case {
  readonly name: string;
  readonly path: string;
  readonly runs: number;
  readonly retryPolicy: object;
  /** The Http connector's own per-attempt timeout (`inputs.timeoutMs`). */
  readonly timeoutMs?: number;
  /** The action's `limit.timeout`. */
  readonly limit?: string;
  readonly status: 'Succeeded' | 'Failed' | 'TimedOut';
  readonly code?: string;
  readonly attempts: number;
  /** Smallest and largest wait between two attempts, in ms. */
  readonly gapMs?: readonly [number, number];
  readonly body?: unknown;
  /** Bounds of the action's duration (start to end), in ms. */
  readonly durationMs?: readonly [number, number];
}

const fixed = (count: number): object => ({ type: 'fixed', count, interval: 'PT5S' });
const none = { type: 'none' };

export const CASES: readonly Case[] = [
  {
    name: 'storm-fixed',
    path: '/storm',
    runs: 10,
    retryPolicy: fixed(2),
    status: 'Failed',
    code: 'InternalServerError',
    attempts: 3,
    gapMs: [5000, 7500],
  },
  {
    name: 'storm-exponential',
    path: '/storm',
    runs: 10,
    retryPolicy: {
      type: 'exponential',
      count: 2,
      interval: 'PT5S',
      minimumInterval: 'PT5S',
      maximumInterval: 'PT10S',
    },
    status: 'Failed',
    code: 'InternalServerError',
    attempts: 3,
    gapMs: [5000, 12_500],
  },
  {
    name: 'storm-none',
    path: '/storm',
    runs: 10,
    retryPolicy: none,
    status: 'Failed',
    code: 'InternalServerError',
    attempts: 1,
  },
  {
    name: 'flaky-recovers',
    path: '/flaky',
    runs: 5,
    retryPolicy: fixed(3),
    status: 'Succeeded',
    attempts: 3,
    gapMs: [5000, 7500],
  },
  {
    name: 'throttled',
    path: '/throttle',
    runs: 5,
    retryPolicy: fixed(2),
    status: 'Succeeded',
    attempts: 2,
    gapMs: [7000, 9500],
  },
  {
    name: 'hang-limit',
    path: '/hang',
    runs: 3,
    retryPolicy: none,
    timeoutMs: 4000,
    limit: 'PT2S',
    status: 'TimedOut',
    code: 'ActionTimedOut',
    attempts: 1,
    durationMs: [2000, 4500],
  },
  {
    name: 'hang-connector',
    path: '/hang',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 1500,
    status: 'Failed',
    code: 'RequestTimeout',
    attempts: 2,
    gapMs: [6500, 9000],
  },
  {
    name: 'reset',
    path: '/reset',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'garbage',
    path: '/garbage',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'truncated',
    path: '/truncated',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'overlong-body',
    path: '/long-body',
    runs: 3,
    retryPolicy: fixed(1),
    timeoutMs: 10_000,
    status: 'Failed',
    code: 'ConnectionFailed',
    attempts: 2,
  },
  {
    name: 'not-json',
    path: '/not-json',
    runs: 3,
    retryPolicy: none,
    status: 'Succeeded',
    attempts: 1,
    body: '<html>not json</html>',
  },
];

export function caseWorkflow(c: Case): object {
  const inputs = {
    retryPolicy: c.retryPolicy,
    ...(c.timeoutMs === undefined ? {} : { timeoutMs: c.timeoutMs }),
  };
  const call = post(c.path, { case: c.name }, c.limit === undefined ? {} : { limit: { timeout: c.limit } });
  const withPolicy = { ...call, inputs: { ...(call as { inputs: object }).inputs, ...inputs } };
  return {
    actions: {
      Call: withPolicy,
      Handle_failure: post('/handled', { case: c.name }, { runAfter: { Call: ['Failed', 'TimedOut'] } }),
    },
  };
}
