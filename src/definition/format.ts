/** Human-readable rendering of diagnostics for `flowline validate`. */
import type { Diagnostic } from './diagnostic';

/** `file:line:col severity pointer: message hint`, then the expression with a caret when known. */
export function formatDiagnostic(d: Diagnostic): string {
  const where = d.line === undefined ? d.file : `${d.file}:${d.line}:${d.column ?? 1}`;
  const head = `${where} ${d.severity} ${d.pointer || '/'}: ${d.message}${d.hint === undefined ? '' : ` ${d.hint}`}`;
  if (d.expression === undefined || d.position === undefined) return head;
  const { text, caret } = excerpt(d.expression, d.position);
  return `${head}\n    ${text}\n    ${' '.repeat(caret)}^`;
}

/** At most 100 characters of the expression around `position`, and the caret column in it. */
function excerpt(expression: string, position: number): { text: string; caret: number } {
  const flat = expression.replace(/[\r\n\t]/g, ' ');
  const start = Math.max(0, Math.min(position - 50, flat.length - 100));
  const prefix = start > 0 ? '...' : '';
  const end = Math.min(flat.length, start + 100);
  const suffix = end < flat.length ? '...' : '';
  return { text: `${prefix}${flat.slice(start, end)}${suffix}`, caret: prefix.length + position - start };
}

export function summaryLine(files: number, errors: number, warnings: number): string {
  const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(files, 'file')}, ${plural(errors, 'error')}, ${plural(warnings, 'warning')}`;
}
