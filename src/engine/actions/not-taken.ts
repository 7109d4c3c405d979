/**
 * The actions of the If/Switch branches that did not run, recorded as Skipped so the run view shows
 * the whole shape of the condition, as Logic Apps does. They join the tree only, not the scope's
 * name lookup: an expression that names one still finds that it never ran.
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import type { ActionRecord } from '../run-types';
import type { ActionEnv } from './env';

export function skipNotTaken(env: ActionEnv, branches: readonly (JsonValue | undefined)[]): void {
  const now = env.state.isoNow();
  const children = (env.record.children ??= []);
  for (const branch of branches) {
    if (!isJsonObject(branch)) continue;
    for (const [name, action] of Object.entries(branch)) {
      const message = `The execution of template action '${name}' is skipped: it is in a branch of '${env.record.name}' that was not taken.`;
      const record: ActionRecord = {
        name,
        type: isJsonObject(action) && typeof action.type === 'string' ? action.type : '',
        status: 'Skipped',
        startTime: now,
        endTime: now,
        code: 'ActionBranchingConditionNotSatisfied',
        error: { code: 'ActionBranchingConditionNotSatisfied', message },
      };
      children.push(record);
    }
  }
}
