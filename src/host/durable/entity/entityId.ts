/** Entity instance ids `@<lower-cased name>@<key>` as the extension forms them. */
export interface EntityKey {
  readonly name: string;
  readonly key: string;
}

export function entityInstanceId(name: string, key: string): string {
  return `@${name.toLowerCase()}@${key}`;
}

export function parseEntityInstanceId(id: string): EntityKey | undefined {
  if (!id.startsWith('@')) return undefined;
  const at = id.indexOf('@', 1);
  if (at < 0) return undefined;
  return { name: id.slice(1, at), key: id.slice(at + 1) };
}

export interface RequestMessage {
  readonly op: string;
  readonly signal?: boolean;
  readonly input?: string;
  readonly id: string;
  readonly parent?: string;
  readonly parentExecution?: string;
}
