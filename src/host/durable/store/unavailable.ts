/**
 * Store errors that pass: another process holds the SQLite file's lock (SQLITE_BUSY, SQLITE_LOCKED)
 * or the disk, or the file's page limit, is full (SQLITE_FULL). The failed transaction was rolled
 * back, so the same write can be tried again later. Anything else is a bug or a broken file.
 */

export interface Unavailable {
  readonly code: string;
  /** What an operator should know, in plain words. */
  readonly reason: string;
}

export function storeUnavailable(error: unknown): Unavailable | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return undefined;
  if (code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED'))
    return { code, reason: 'the store file is locked by another process' };
  if (code === 'SQLITE_FULL')
    return { code, reason: 'the disk holding the store is full (or the store reached its size limit)' };
  return undefined;
}

/** A write refused because the store is unavailable; the Durable API answers it with 503. */
export class StoreUnavailableError extends Error {
  constructor(readonly unavailable: Unavailable) {
    super(
      `The durable store is unavailable: ${unavailable.reason} (${unavailable.code}). Nothing was written; try again later.`,
    );
  }
}
