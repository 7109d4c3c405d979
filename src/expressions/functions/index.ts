/**
 * The WDL function library: every category's functions, looked up case-insensitively as Logic
 * Apps does. Registration only; each category lives in its own file.
 */
import { suggest } from '../suggest';
import { collectionFunctions } from './collection';
import { conversionFunctions } from './conversion';
import { datetimeFunctions } from './datetime';
import { jsonManipulationFunctions } from './json-manipulation';
import { jsonXmlFunctions } from './json-xml';
import { logicalFunctions } from './logical';
import { mathFunctions } from './math';
import { stringFunctions } from './string';
import type { FunctionDef } from './types';
import { uriFunctions } from './uri';
import { workflowFunctions } from './workflow';

export const allFunctions: readonly FunctionDef[] = [
  ...logicalFunctions,
  ...stringFunctions,
  ...collectionFunctions,
  ...conversionFunctions,
  ...mathFunctions,
  ...datetimeFunctions,
  ...workflowFunctions,
  ...uriFunctions,
  ...jsonXmlFunctions,
  ...jsonManipulationFunctions,
];

const byName = new Map<string, FunctionDef>();
for (const def of allFunctions) {
  const key = def.name.toLowerCase();
  if (byName.has(key)) throw new Error(`The expression function '${def.name}' is defined twice.`);
  byName.set(key, def);
}

export function lookupFunction(name: string): FunctionDef | undefined {
  return byName.get(name.toLowerCase());
}

/** The documented spelling of the function closest to `name`, for "did you mean". */
export function suggestFunction(name: string): string | undefined {
  return suggest(
    name,
    allFunctions.map((f) => f.name),
  );
}
