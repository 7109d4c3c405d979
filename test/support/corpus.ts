/** The shared Logic Apps corpus (../shared/corpus/logicapps) and what its INDEX.md says about each file. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const CORPUS = join(__dirname, '../../../shared/corpus/logicapps');

/** Built-in-only files that Logic Apps itself would not deploy unchanged, and why they fail to load. */
export const KNOWN_INVALID: Readonly<Record<string, readonly string[]>> = {
  // Trigger and action `type` are ARM template expressions ([variables('type')]), resolved by ARM at deployment.
  'qs-logic-app-create.json': ['is an ARM template expression'],
  // A designer test fixture: its variables refer to body('Create_a_goal'), an action that is not
  // in the file, and it has a Response action under a polling Http trigger.
  'ux-run-after.json': ["body('Create_a_goal", 'needs a Request trigger'],
};

/** File name → whether INDEX.md's "only built-in" column says yes. */
export function readCorpusIndex(): Map<string, boolean> {
  const rows = new Map<string, boolean>();
  for (const line of readFileSync(join(CORPUS, 'INDEX.md'), 'utf8').split('\n')) {
    const cells = line.split('|').map((c) => c.trim());
    const file = /^`(.+\.json)`$/.exec(cells[1] ?? '')?.[1];
    const builtIn = cells[7];
    if (file !== undefined && (builtIn === 'yes' || builtIn === 'no')) rows.set(file, builtIn === 'yes');
  }
  return rows;
}
