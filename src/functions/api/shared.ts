/** Process-wide objects of the workflow API: the catalog of the folder this app serves. */
import { resolve } from 'node:path';
import { Catalog, workflowsDir } from '../workflows/catalog';

/** The app root: `dist/functions/api` is three levels below it. */
export const APP_ROOT = resolve(__dirname, '..', '..', '..');

let shared: Catalog | undefined;

export function catalog(): Catalog {
  const dir = workflowsDir(APP_ROOT);
  if (shared?.dir !== dir) shared = new Catalog(dir);
  return shared;
}
