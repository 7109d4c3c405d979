/**
 * The workflow definition (WDL) and the files that carry one: a Logic Apps Standard
 * `workflow.json` (`{definition, kind}`), a Consumption code-view export (`{definition,
 * parameters}`), or a bare definition. TypeScript types are inferred from these schemas.
 */
import { z } from 'zod';
import { anyAction } from './actions/index';
import { ci } from './common';
import { anyTrigger } from './triggers/index';

export const parameterDeclaration = z
  .looseObject({
    type: ci('String', 'SecureString', 'Int', 'Float', 'Bool', 'Array', 'Object', 'SecureObject'),
    defaultValue: z.unknown().optional(),
    allowedValues: z.array(z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    value: z.unknown().optional(),
  })
  .meta({ title: 'Parameter', description: "A workflow parameter, read with parameters('name')." });

export const outputDeclaration = z.looseObject({ type: z.string(), value: z.unknown() });

export const workflowDefinition = z
  .looseObject({
    $schema: z.string().optional(),
    contentVersion: z.string().optional(),
    parameters: z.record(z.string(), parameterDeclaration).optional(),
    triggers: z.record(z.string(), anyTrigger).optional(),
    actions: z.record(z.string(), anyAction).optional(),
    outputs: z.record(z.string(), outputDeclaration).optional(),
    staticResults: z.record(z.string(), z.unknown()).optional(),
    metadata: z.record(z.string(), z.unknown()).optional(),
    description: z.string().optional(),
  })
  .meta({
    id: 'WorkflowDefinition',
    title: 'Workflow definition',
    description: 'A Logic Apps workflow definition (WDL).',
  });

export const workflowKind = ci('Stateful', 'Stateless');

/** A Logic Apps Standard workflow.json, or a `{definition, parameters}` code-view export. */
export const workflowFile = z
  .looseObject({
    definition: workflowDefinition,
    kind: workflowKind.optional(),
    parameters: z.record(z.string(), z.unknown()).optional(),
  })
  .meta({
    title: 'Flowline workflow',
    description: 'A workflow file: {"definition": {...}, "kind": "Stateful"}.',
  });

export type WorkflowDefinition = z.infer<typeof workflowDefinition>;
export type WorkflowFile = z.infer<typeof workflowFile>;
export type ParameterDeclaration = z.infer<typeof parameterDeclaration>;
