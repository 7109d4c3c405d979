/**
 * Secret references as they travel through a run. The orchestrator never sees a secret's value: a
 * SecureString parameter whose value is a reference becomes a token string
 * `{{flowline-secret:<base64url of the reference JSON>}}`. Expressions treat it as text (so it can be
 * interpolated: `Bearer @{parameters('token')}`), history stores only the token, and the activity that
 * receives it swaps the token for the value just before the call and masks the value in what it returns.
 *
 * References: `{"appSetting": "NAME"}` (an app setting / environment variable, which on Azure may itself
 * be a Key Vault reference resolved by the platform) or `{"vault": "name-or-url", "name": "secret",
 * "version"?: "..."}` (Azure Key Vault, read with the app's identity).
 */
import type { SecretReference, SecretResolver } from './resolve';

const PREFIX = '{{flowline-secret:';
const TOKEN = /\{\{flowline-secret:([A-Za-z0-9_-]+)\}\}/g;
export const MASK = '*****';

export function secretToken(reference: SecretReference): string {
  return `${PREFIX}${Buffer.from(JSON.stringify(reference)).toString('base64url')}}}`;
}

export function isSecretToken(text: string): boolean {
  return text.includes(PREFIX);
}

/** Every string in `value` with its tokens replaced by secret values; `seen` collects the values to mask. */
export async function resolveSecretRefs(
  value: unknown,
  resolver: SecretResolver,
  seen: Set<string>,
): Promise<unknown> {
  if (typeof value === 'string') {
    if (!value.includes(PREFIX)) return value;
    let out = value;
    for (const match of value.matchAll(TOKEN)) {
      const reference = JSON.parse(
        Buffer.from(match[1] ?? '', 'base64url').toString('utf8'),
      ) as SecretReference;
      const secret = await resolver.resolve(reference);
      if (secret !== '') seen.add(secret);
      out = out.replace(match[0], () => secret);
    }
    return out;
  }
  if (Array.isArray(value)) return Promise.all(value.map((item) => resolveSecretRefs(item, resolver, seen)));
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [key, member] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: await resolveSecretRefs(member, resolver, seen),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  return value;
}

/** `value` with every occurrence of a secret (and of its base64 form, as in a Basic header) masked. */
export function maskSecrets<T>(value: T, secrets: ReadonlySet<string>): T {
  if (secrets.size === 0) return value;
  const needles = [...secrets]
    .flatMap((s) => [s, Buffer.from(s).toString('base64')])
    .filter((s) => s.length >= 4);
  const mask = (text: string): string => needles.reduce((acc, needle) => acc.split(needle).join(MASK), text);
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return mask(v);
    if (Array.isArray(v)) return v.map(walk);
    if (typeof v === 'object' && v !== null) {
      const out: Record<string, unknown> = {};
      for (const [key, member] of Object.entries(v)) {
        Object.defineProperty(out, key, {
          value: walk(member),
          enumerable: true,
          writable: true,
          configurable: true,
        });
      }
      return out;
    }
    return v;
  };
  return walk(value) as T;
}
