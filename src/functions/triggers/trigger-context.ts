/**
 * Evaluates trigger expressions (splitOn, conditions, an Http trigger's inputs) before any run
 * exists: they see parameters, app settings, the time and the trigger outputs, nothing else.
 */
import { createStaticContext } from '../../expressions/static-context';
import type { JsonObject, JsonValue } from '../../expressions/values';
import { evaluateValue } from '../../engine/template-cache';

export function evaluateForTrigger(
  value: JsonValue,
  scope: { readonly parameters: JsonObject; readonly outputs?: JsonObject; readonly now?: Date },
): JsonValue {
  return evaluateValue(
    value,
    createStaticContext({
      now: (scope.now ?? new Date()).toISOString(),
      parameters: scope.parameters,
      ...(scope.outputs === undefined ? {} : { trigger: { outputs: scope.outputs } }),
      appsettings: appSettings(),
    }),
  );
}

/** The app settings (environment variables) as expressions and harness runs read them. */
export function appSettings(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  return Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => e[1] !== undefined));
}
