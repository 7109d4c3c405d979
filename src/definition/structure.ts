/**
 * Schema validation of a definition, one trigger or action at a time, so each problem points
 * at its own action and type names can be matched case-insensitively (a zod union could not
 * say which kind the author meant). Nested action maps are validated as actions in their own
 * right, recursively.
 */
import { z } from 'zod';
import { actionSchemas, actionTypeNames } from './actions/index';
import type { Finding, JsonPath } from './diagnostic';
import { describeValue } from './diagnostic';
import { didYouMean } from './did-you-mean';
import { translateIssues } from './translate';
import { triggerSchemas, triggerTypeNames } from './triggers/index';
import { unsupportedAdvice } from './unsupported';
import { workflowDefinition } from './workflow';
import { warnUnknownKeys } from './unknown-keys';

type Json = Record<string, unknown>;
const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The definition's own fields; triggers and actions are checked one by one below. */
const definitionShell = workflowDefinition.extend({
  triggers: z.record(z.string(), z.unknown()).optional(),
  actions: z.record(z.string(), z.unknown()).optional(),
});

export function validateStructure(definition: unknown, base: JsonPath): Finding[] {
  const parsed = definitionShell.safeParse(definition);
  if (!parsed.success) return translateIssues(parsed.error.issues, base, definition);
  const findings: Finding[] = warnUnknownKeys(definitionShell, definition, base);
  const def = definition as Json;
  if (isObject(def.triggers)) {
    const names = Object.keys(def.triggers);
    if (names.length > 1)
      findings.push({
        severity: 'warning',
        path: [...base, 'triggers'],
        message: `The workflow has ${names.length} triggers; Logic Apps Standard allows one per workflow.`,
      });
    for (const [name, trigger] of Object.entries(def.triggers)) {
      findings.push(...validateOne(trigger, [...base, 'triggers', name], 'trigger'));
    }
  }
  if (isObject(def.actions)) findings.push(...validateActions(def.actions, [...base, 'actions']));
  return findings;
}

function validateActions(actions: Json, path: JsonPath): Finding[] {
  const findings: Finding[] = [];
  for (const [name, action] of Object.entries(actions)) {
    const actionPath = [...path, name];
    findings.push(...validateOne(action, actionPath, 'action'));
    if (!isObject(action)) continue;
    for (const [nested, nestedPath] of nestedActionMaps(action, actionPath)) {
      findings.push(...validateActions(nested, nestedPath));
    }
  }
  return findings;
}

/** The nested action maps of a container action: actions, else.actions, cases.*.actions, default.actions. */
export function nestedActionMaps(action: Json, path: JsonPath): [Json, JsonPath][] {
  const maps: [Json, JsonPath][] = [];
  if (isObject(action.actions)) maps.push([action.actions, [...path, 'actions']]);
  for (const key of ['else', 'default']) {
    const branch = action[key];
    if (isObject(branch) && isObject(branch.actions)) maps.push([branch.actions, [...path, key, 'actions']]);
  }
  if (isObject(action.cases)) {
    for (const [caseName, branch] of Object.entries(action.cases)) {
      if (isObject(branch) && isObject(branch.actions))
        maps.push([branch.actions, [...path, 'cases', caseName, 'actions']]);
    }
  }
  return maps;
}

/** A shallow copy with nested action maps emptied: they are validated on their own. */
function withoutNested(action: Json): Json {
  const copy: Json = { ...action };
  if (isObject(copy.actions)) copy.actions = {};
  for (const key of ['else', 'default']) {
    const branch = copy[key];
    if (isObject(branch) && isObject(branch.actions)) copy[key] = { ...branch, actions: {} };
  }
  if (isObject(copy.cases)) {
    copy.cases = Object.fromEntries(
      Object.entries(copy.cases).map(([k, v]) => [
        k,
        isObject(v) && isObject(v.actions) ? { ...v, actions: {} } : v,
      ]),
    );
  }
  return copy;
}

/** An ARM template expression (`[variables('type')]`), resolved by ARM at deployment, not by WDL. */
const armExpression = /^\[[^[].*\]$/s;

function validateOne(value: unknown, path: JsonPath, what: 'trigger' | 'action'): Finding[] {
  if (!isObject(value)) {
    return [
      {
        severity: 'error',
        path,
        message: `A ${what} must be an object, not ${describeValue(value)}.`,
        expected: 'an object',
        actual: describeValue(value),
      },
    ];
  }
  const type = value.type;
  const typePath = [...path, 'type'];
  if (typeof type !== 'string') {
    return [
      {
        severity: 'error',
        path: typePath,
        message: `The ${what} has no 'type' (a string such as 'Http').`,
        expected: 'a string',
        actual: describeValue(type),
      },
    ];
  }
  const schemas = what === 'trigger' ? triggerSchemas : actionSchemas;
  const names = what === 'trigger' ? triggerTypeNames : actionTypeNames;
  const schema = schemas.get(type.toLowerCase());
  if (schema === undefined) {
    if (armExpression.test(type)) {
      return [
        {
          severity: 'error',
          path: typePath,
          message: `The ${what} type '${type}' is an ARM template expression, which Azure Resource Manager resolves at deployment; Flowline reads workflow files as they run.`,
          hint: "Deploy-time values must be resolved: write the resulting type (for example 'Http') in the workflow file.",
          actual: type,
        },
      ];
    }
    const config = value.inputs;
    const providerId =
      isObject(config) && isObject(config.serviceProviderConfiguration)
        ? config.serviceProviderConfiguration.serviceProviderId
        : undefined;
    const advice = unsupportedAdvice(type, typeof providerId === 'string' ? providerId : undefined);
    if (advice !== undefined) {
      return [
        {
          severity: 'error',
          path: typePath,
          message: `The ${what} type '${type}' is not supported by Flowline.`,
          hint: advice,
          actual: type,
          expected: names.join(', '),
        },
      ];
    }
    const near = didYouMean(type, names);
    return [
      {
        severity: 'error',
        path: typePath,
        message: `Unknown ${what} type '${type}'.`,
        hint: near === undefined ? `Flowline supports: ${names.join(', ')}.` : `Did you mean '${near}'?`,
        actual: type,
        expected: names.join(', '),
      },
    ];
  }
  const shallow = withoutNested(value);
  const parsed = schema.safeParse(shallow);
  if (!parsed.success) return translateIssues(parsed.error.issues, path, shallow);
  return warnUnknownKeys(schema, value, path);
}
