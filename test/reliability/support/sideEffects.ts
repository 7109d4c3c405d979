/** At-least-once accounting: how many requests a backend saw beyond the first, per idempotency key. */

export interface Duplicates {
  /** Distinct idempotency keys (one per action execution the engine meant to perform). */
  readonly actions: number;
  /** Requests beyond the first for the same key. */
  readonly duplicates: number;
  readonly perThousand: number;
  /** The most requests one key received. */
  readonly worst: number;
}

export function countDuplicates(perKey: ReadonlyMap<string, number>): Duplicates {
  let duplicates = 0;
  let worst = 0;
  for (const count of perKey.values()) {
    duplicates += count - 1;
    worst = Math.max(worst, count);
  }
  const actions = perKey.size;
  const perThousand = actions === 0 ? 0 : Math.round((duplicates / actions) * 10_000) / 10;
  return { actions, duplicates, perThousand, worst };
}
