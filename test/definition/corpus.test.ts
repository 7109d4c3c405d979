/**
 * Loads every Logic Apps workflow in the shared corpus. INDEX.md's "only built-in" column says
 * which ones use only operations Flowline supports: those must validate with zero errors, and
 * every other one must fail naming an unsupported operation. Two built-in-only files are known
 * to be invalid WDL as they stand, and must fail for exactly that reason (see KNOWN_INVALID).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWorkflowFile } from '../../src/definition/loader';
import { CORPUS, KNOWN_INVALID, readCorpusIndex } from '../support/corpus';

describe.skipIf(!existsSync(CORPUS))('the Logic Apps corpus', () => {
  // The callback runs even when skipped (to collect the tests): read nothing when the corpus is absent.
  const present = existsSync(CORPUS);
  const index = present ? readCorpusIndex() : new Map<string, boolean>();
  const files = (present ? readdirSync(CORPUS) : []).filter((f) => f.endsWith('.json')).sort();

  it('has an INDEX.md row for every workflow file', () => {
    expect(files.length).toBe(50);
    expect([...index.keys()].sort()).toEqual(files);
    expect([...index.values()].filter(Boolean).length).toBe(26);
  });

  it('validates every built-in-only workflow with zero errors, except the known-invalid ones', async () => {
    const failures: string[] = [];
    let clean = 0;
    for (const file of files.filter((f) => index.get(f) === true)) {
      const result = await loadWorkflowFile(join(CORPUS, file));
      const known = KNOWN_INVALID[file];
      if (known === undefined) {
        if (result.errors.length === 0) clean++;
        else failures.push(`${file}: ${result.errors.map((e) => `${e.pointer} ${e.message}`).join('; ')}`);
      } else {
        expect(result.errors.length, file).toBeGreaterThan(0);
        const unexplained = result.errors.filter((e) => !known.some((k) => e.message.includes(k)));
        expect(unexplained, file).toEqual([]);
        for (const reason of known)
          expect(
            result.errors.some((e) => e.message.includes(reason)),
            `${file}: ${reason}`,
          ).toBe(true);
      }
    }
    expect(failures).toEqual([]);
    expect(clean).toBe(24);
  });

  it('rejects every other workflow, naming its unsupported operation', async () => {
    let rejected = 0;
    for (const file of files.filter((f) => index.get(f) === false)) {
      const result = await loadWorkflowFile(join(CORPUS, file));
      const naming = result.errors.filter((e) =>
        /type '[^']+' is not supported by Flowline|'kind' must be/.test(e.message),
      );
      expect(naming.length, file).toBeGreaterThan(0);
      rejected++;
    }
    expect(rejected).toBe(24);
  });
});
