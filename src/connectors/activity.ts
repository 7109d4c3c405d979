/**
 * The one shape every connector activity has: validate the input with the connector's zod schema,
 * resolve secret references (only here, inside the activity, never in the orchestrator), run, and
 * report the outcome as a value the engine reads with `connectorOutcome`. Thrown `ConnectorError`s
 * keep their retry class; anything else thrown is terminal. Secret values are masked in whatever the
 * activity returns, so they never reach durable history.
 */
import type { z } from 'zod';
import { ConnectorError } from './errors';
import { type SecretResolver, defaultSecretResolver } from './secrets/resolve';
import { maskSecrets, resolveSecretRefs } from './secrets/tokens';

/** A JSON-compatible value crossing the activity boundary. */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export type ActivityResult =
  | { readonly ok: true; readonly outputs: Json }
  | {
      readonly ok: false;
      readonly retryable: boolean;
      readonly retryAfterMs?: number;
      readonly outputs?: Json;
      readonly error: { readonly code: string; readonly message: string };
    };

export interface ConnectorContext {
  /** Reads a secret by reference (for settings a connector reads itself, e.g. a connection string). */
  readonly secrets: SecretResolver;
  /** App settings (environment variables); connection names resolve through here. */
  readonly env: NodeJS.ProcessEnv;
}

export interface ConnectorDefinition<I> {
  /** The activity name the engine calls, e.g. `flowline-soap`. */
  readonly name: string;
  readonly input: z.ZodType<I>;
  run(input: I, context: ConnectorContext): Promise<ActivityResult>;
}

export type Activity = (raw: unknown) => Promise<ActivityResult>;

export function defineConnector<I>(
  definition: ConnectorDefinition<I>,
  context: Partial<ConnectorContext> = {},
): Activity {
  const ctx: ConnectorContext = {
    secrets: context.secrets ?? defaultSecretResolver(),
    env: context.env ?? process.env,
  };
  return async (raw) => {
    const seen = new Set<string>();
    try {
      const resolved = await resolveSecretRefs(raw, ctx.secrets, seen);
      const parsed = definition.input.safeParse(resolved);
      if (!parsed.success) return invalidInput(definition.name, parsed.error);
      return maskSecrets(await definition.run(parsed.data, ctx), seen);
    } catch (error) {
      return maskSecrets(failure(error), seen);
    }
  };
}

/** Gives an activity written without `defineConnector` (the Http connector) the same secret handling. */
export function withSecrets<T>(
  run: (input: never) => Promise<T>,
  resolver: SecretResolver = defaultSecretResolver(),
): (raw: unknown) => Promise<T> {
  return async (raw) => {
    const seen = new Set<string>();
    const resolved = await resolveSecretRefs(raw, resolver, seen);
    return maskSecrets(await run(resolved as never), seen);
  };
}

export function terminal(code: string, message: string, outputs?: Json): ActivityResult {
  return {
    ok: false,
    retryable: false,
    error: { code, message },
    ...(outputs === undefined ? {} : { outputs }),
  };
}

export function retryable(code: string, message: string, retryAfterMs?: number): ActivityResult {
  return {
    ok: false,
    retryable: true,
    error: { code, message },
    ...(retryAfterMs === undefined ? {} : { retryAfterMs }),
  };
}

function failure(error: unknown): ActivityResult {
  if (error instanceof ConnectorError) {
    return {
      ok: false,
      retryable: error.retryable,
      error: { code: error.code, message: error.message },
      ...(error.retryAfterMs === undefined ? {} : { retryAfterMs: error.retryAfterMs }),
      ...(error.outputs === undefined ? {} : { outputs: error.outputs as unknown as Json }),
    };
  }
  return terminal('ConnectorFailed', error instanceof Error ? error.message : String(error));
}

/** Names the field, what was expected and what was found, e.g. `inputs.container: expected string, received number`. */
function invalidInput(name: string, error: z.ZodError): ActivityResult {
  const problems = error.issues.map((issue) => {
    const path = ['inputs', ...issue.path.map(String)].join('.');
    return `${path}: ${issue.message}`;
  });
  return terminal('InvalidConnectorInput', `The inputs of ${name} are invalid: ${problems.join('; ')}.`);
}
