/**
 * Table: a CSV (RFC 4180, CRLF rows) or HTML table from an array. Without columns, the headers are
 * the keys of the objects in first-seen order and each cell is that property (missing = empty).
 */
import { isJsonObject, type JsonValue } from '../../expressions/values';
import { ActionFailure } from './failure';
import { fromArray } from './from-array';

export interface TableColumn {
  readonly header?: string;
  readonly value: (item: JsonValue, index: number) => JsonValue;
}

export function table(from: JsonValue, format: 'CSV' | 'HTML', columns?: readonly TableColumn[]): string {
  const rows = fromArray(from, 'table');
  const cols = columns ?? inferColumns(rows);
  const headers = cols.map((c, i) => c.header ?? `Column${i + 1}`);
  const cells = rows.map((row, index) => cols.map((c) => cellText(c.value(row, index))));
  return format === 'CSV' ? csv(headers, cells) : html(headers, cells);
}

function inferColumns(rows: readonly JsonValue[]): TableColumn[] {
  const keys: string[] = [];
  for (const [index, row] of rows.entries()) {
    if (!isJsonObject(row)) {
      throw new ActionFailure(
        'InvalidTemplate',
        `Item ${index} of the table's 'from' array is not an object; give 'columns' to tabulate other values.`,
      );
    }
    for (const key of Object.keys(row)) if (!keys.includes(key)) keys.push(key);
  }
  return keys.map((key) => ({
    header: key,
    value: (item) => (isJsonObject(item) && Object.hasOwn(item, key) ? (item[key] ?? null) : null),
  }));
}

function cellText(value: JsonValue): string {
  if (value === null) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function csv(headers: readonly string[], rows: readonly string[][]): string {
  const field = (text: string): string => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  return [headers, ...rows].map((row) => row.map(field).join(',')).join('\r\n');
}

const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');

function html(headers: readonly string[], rows: readonly string[][]): string {
  const head = `<thead><tr>${headers.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead>`;
  const body = rows.map((row) => `<tr>${row.map((c) => `<td>${escapeHtml(c)}</td>`).join('')}</tr>`).join('');
  return `<table>${head}<tbody>${body}</tbody></table>`;
}
