/**
 * JSON as the repository's Prettier prints it (printWidth 110), so generated files committed under
 * infra/apim pass `prettier --check`: a non-empty object is one key per line (Prettier keeps objects
 * expanded as written); an array goes on one line when it holds no such object, fits, and is not a
 * list of several multi-item arrays; otherwise one item per line.
 */
const WIDTH = 110;

export function formatJson(value: unknown): string {
  return `${render(value, '', '', '')}\n`;
}

function render(value: unknown, indent: string, prefix: string, suffix: string): string {
  const inner = `${indent}  `;
  const flat = inline(value);
  if (flat !== undefined) {
    const line = `${indent}${prefix}${flat}${suffix}`;
    if (line.length <= WIDTH || !Array.isArray(value)) return line;
  }
  if (Array.isArray(value)) {
    const items = value.map((v, i) => render(v ?? null, inner, '', i < value.length - 1 ? ',' : ''));
    return `${indent}${prefix}[\n${items.join('\n')}\n${indent}]${suffix}`;
  }
  const entries = Object.entries(value as object).filter(([, v]) => v !== undefined);
  const items = entries.map(([k, v], i) =>
    render(v, inner, `${JSON.stringify(k)}: `, i < entries.length - 1 ? ',' : ''),
  );
  return `${indent}${prefix}{\n${items.join('\n')}\n${indent}}${suffix}`;
}

/** The one-line form, or undefined when Prettier would always break the value. */
function inline(value: unknown): string | undefined {
  if (Array.isArray(value)) {
    const several = value.length > 1 && value.every((v) => Array.isArray(v) && v.length > 1);
    const parts = value.map((v) => inline(v ?? null));
    return several || parts.some((p) => p === undefined) ? undefined : `[${parts.join(', ')}]`;
  }
  if (value !== null && typeof value === 'object') {
    return Object.values(value).some((v) => v !== undefined) ? undefined : '{}';
  }
  return JSON.stringify(value);
}
