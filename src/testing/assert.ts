/**
 * Checks a harness run against a partial expectation, the same way JSON tests do: the first
 * divergence, then the run tree, so a failure shows where the run went another way.
 */
import { type Divergence, firstDivergence } from './expect';
import type { TestRun } from './run';

export interface RunExpectation {
  readonly status?: string;
  readonly error?: unknown;
  readonly response?: unknown;
  readonly outputs?: unknown;
  readonly variables?: unknown;
  /** By action name: any fields of the action record, plus `retries`. */
  readonly actions?: Readonly<Record<string, { readonly retries?: number } & Record<string, unknown>>>;
}

export class RunMismatch extends Error {}

/** The mismatch message, or undefined when the run meets the expectation. */
export function checkRun(run: TestRun, expectation: RunExpectation): string | undefined {
  const divergence = compare(expectation, run);
  return divergence === undefined ? undefined : `${describe(divergence)}\n${run.tree({ outputs: true })}`;
}

/** Throws `RunMismatch` naming the first divergence and printing the run tree. */
export function assertRun(run: TestRun, expectation: RunExpectation): void {
  const message = checkRun(run, expectation);
  if (message !== undefined) throw new RunMismatch(message);
}

function compare(expect: RunExpectation, run: TestRun): Divergence | undefined {
  const actual: Record<string, unknown> = {
    status: run.status,
    error: run.error,
    response: run.response,
    outputs: run.outputs,
    variables: run.variables,
  };
  for (const key of ['status', 'error', 'response', 'outputs', 'variables'] as const) {
    if (expect[key] === undefined) continue;
    const found = firstDivergence(expect[key], actual[key], key);
    if (found) return found;
  }
  for (const [name, wanted] of Object.entries(expect.actions ?? {})) {
    let record;
    try {
      record = run.action(name);
    } catch (error) {
      return { path: `actions.${name}`, expected: 'an action that ran', actual: (error as Error).message };
    }
    const { retries, ...rest } = wanted;
    const found = firstDivergence(rest, record, `actions.${name}`);
    if (found) return found;
    if (retries !== undefined && run.retries(name) !== retries)
      return { path: `actions.${name}.retries`, expected: retries, actual: run.retries(name) };
  }
  return undefined;
}

function describe(d: Divergence): string {
  return `→ ${d.path}: expected ${JSON.stringify(d.expected)}, got ${JSON.stringify(d.actual) ?? 'nothing'}`;
}
