/**
 * `jose` is published as an ES module only, and this project compiles to CommonJS: it is loaded once
 * with `import()` (types come from a type-only import resolved as ESM).
 */
import type * as Jose from 'jose' with { 'resolution-mode': 'import' };

let loaded: Promise<typeof Jose> | undefined;

export function loadJose(): Promise<typeof Jose> {
  return (loaded ??= import('jose'));
}
