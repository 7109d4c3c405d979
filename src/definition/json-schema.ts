/**
 * The JSON Schema for workflow files, generated from the zod schemas (zod is the single
 * source of truth) for editor completion. Checked in as `schemas/workflow.schema.json`;
 * `npm run schema` regenerates it and a test fails when it drifts.
 */
import { z } from 'zod';
import { workflowDefinition, workflowFile } from './workflow';

export const SCHEMA_ID = 'https://flowline.dev/schemas/workflow.schema.json';

export function workflowJsonSchema(): Record<string, unknown> {
  const fileOrDefinition = z.union([workflowFile, workflowDefinition]).meta({
    title: 'Flowline workflow',
    description:
      'A Flowline workflow file: a Logic Apps Standard workflow.json ({"definition": ..., "kind": "Stateful"}), a {definition, parameters} export, or a bare workflow definition.',
  });
  const schema = z.toJSONSchema(fileOrDefinition, {
    target: 'draft-2020-12',
    unrepresentable: 'any',
    cycles: 'ref',
    reused: 'inline',
  });
  return { ...schema, $id: SCHEMA_ID };
}

/** The JSON text written to schemas/workflow.schema.json. */
export function workflowJsonSchemaText(): string {
  return `${JSON.stringify(workflowJsonSchema(), null, 2)}\n`;
}
