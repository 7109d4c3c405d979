/**
 * Retry policies the engine would refuse at run time, caught when the file is checked: intervals
 * outside PT5S..P1D and counts outside 1..90 (Logic Apps' limits). A count given as an expression is
 * left to run time.
 */
import type { Finding, JsonPath } from '../diagnostic';
import type { Json, WorkflowModel } from '../model';

const DURATION =
  /^P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;
const MIN_MS = 5_000;
const MAX_MS = 86_400_000;

export function checkRetryPolicies(model: WorkflowModel): Finding[] {
  const findings: Finding[] = [];
  for (const action of model.actions) {
    const inputs = action.value['inputs'];
    const places: [JsonPath, unknown][] = [
      [[...action.path, 'retryPolicy'], action.value['retryPolicy']],
      [[...action.path, 'inputs', 'retryPolicy'], isObject(inputs) ? inputs['retryPolicy'] : undefined],
    ];
    for (const [path, policy] of places) if (isObject(policy)) findings.push(...checkPolicy(path, policy));
  }
  return findings;
}

function checkPolicy(path: JsonPath, policy: Json): Finding[] {
  const type = typeof policy['type'] === 'string' ? policy['type'].toLowerCase() : '';
  if (type !== 'fixed' && type !== 'exponential') return [];
  const findings: Finding[] = [];
  const count = policy['count'];
  if (typeof count === 'number' && (!Number.isInteger(count) || count < 1 || count > 90)) {
    findings.push({
      severity: 'error',
      path: [...path, 'count'],
      message: `A ${type} retry policy retries 1 to 90 times; this one says ${count}.`,
      expected: 'an integer from 1 to 90',
      actual: String(count),
    });
  }
  for (const field of ['interval', 'minimumInterval', 'maximumInterval']) {
    const value = policy[field];
    if (typeof value !== 'string') continue;
    const ms = durationMs(value);
    if (ms === undefined || (ms >= MIN_MS && ms <= MAX_MS)) continue;
    findings.push({
      severity: 'error',
      path: [...path, field],
      message: `The retry ${field} must be between PT5S and P1D; '${value}' is ${ms < MIN_MS ? 'shorter' : 'longer'}.`,
      expected: 'PT5S to P1D',
      actual: value,
      hint: ms < MIN_MS ? "Use 'PT5S' or longer." : "Use 'P1D' or shorter.",
    });
  }
  return findings;
}

function durationMs(text: string): number | undefined {
  const m = DURATION.exec(text.trim());
  if (m === null) return undefined; // the schema reports malformed durations
  const [d, h, min, s] = [m[1], m[2], m[3], m[4]].map((x) => Number(x ?? 0));
  return (((d ?? 0) * 24 + (h ?? 0)) * 60 + (min ?? 0)) * 60_000 + (s ?? 0) * 1000;
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
