/** The shape of a template: a Standard workflow file and its JSON tests. */
export interface Template {
  readonly summary: string;
  readonly workflow: object;
  readonly tests: object;
}

const SCHEMA =
  'https://schema.management.azure.com/providers/Microsoft.Logic/schemas/2016-06-01/workflowdefinition.json#';

/** A Standard workflow file around a definition. */
export function workflowFile(definition: object): object {
  return { definition: { $schema: SCHEMA, contentVersion: '1.0.0.0', ...definition }, kind: 'Stateful' };
}
