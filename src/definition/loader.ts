/**
 * Loads a workflow file: JSON syntax (with line/column), unsafe keys, the file shape (Standard
 * `{definition, kind}`, a `{definition, parameters}` export, or a bare definition), the schema,
 * then the static checks. Positions come from `jsonc-parser`'s syntax tree (see positions.ts).
 */
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { runChecks } from './checks/index';
import { findTooDeep, MAX_JSON_DEPTH } from '../expressions/json-depth';
import { toPointer, type Diagnostic, type Finding } from './diagnostic';
import { unwrap } from './file-shape';
import { buildModel } from './model';
import { PositionMapper } from './positions';
import { findUnsafeKey } from './unsafe-keys';
import { validateStructure } from './structure';
import type { WorkflowDefinition } from './workflow';

/** Larger files are refused before parsing. Logic Apps caps a definition far below this. */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;

export interface LoadResult {
  /** The definition as written (unknown keys kept); undefined when the file could not be read as one. */
  readonly definition: WorkflowDefinition | undefined;
  readonly kind: 'Stateful' | 'Stateless';
  /** The workflow's name: the file name without `.json`, or the folder name for `<name>/workflow.json`. */
  readonly name: string;
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
}

export async function loadWorkflowFile(path: string): Promise<LoadResult> {
  const size = (await stat(path)).size;
  if (size > MAX_FILE_BYTES) return failed(path, tooLarge(path, size));
  return loadWorkflow(await readFile(path, 'utf8'), path);
}

export function loadWorkflow(source: string, fileName: string): LoadResult {
  // A UTF-8 byte order mark is common in files saved by Windows tools; Logic Apps accepts it.
  const text = source.charCodeAt(0) === 0xfeff ? ` ${source.slice(1)}` : source;
  if (text.length > MAX_FILE_BYTES) return failed(fileName, tooLarge(fileName, text.length));
  const deep = findTooDeep(text);
  if (deep !== undefined) {
    return failed(fileName, {
      severity: 'error',
      file: fileName,
      pointer: toPointer(deep.path),
      message: `The JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`,
      hint: 'Flatten the value, or move deep data out of the definition.',
      ...new PositionMapper(text, undefined).atOffset(deep.offset),
    });
  }
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, {
    disallowComments: true,
    allowTrailingComma: false,
    allowEmptyContent: false,
  });
  const mapper = new PositionMapper(text, root);
  const first = errors[0];
  if (first !== undefined || root === undefined) {
    const at = mapper.atOffset(first?.offset ?? 0);
    return failed(fileName, {
      severity: 'error',
      file: fileName,
      pointer: '',
      message: `The file is not valid JSON: ${first === undefined ? 'it is empty' : describeParseError(first)}.`,
      ...at,
    });
  }
  const unsafe = findUnsafeKey(root);
  if (unsafe !== undefined) {
    return failed(
      fileName,
      place(fileName, mapper, {
        severity: 'error',
        path: unsafe,
        message: `The key '${String(unsafe.at(-1))}' is not allowed: it could change object prototypes.`,
        hint: 'Rename the key.',
      }),
    );
  }
  const value = JSON.parse(text) as unknown;
  const shape = unwrap(value);
  const findings: Finding[] = [...shape.findings];
  let definition: WorkflowDefinition | undefined;
  if (shape.definition !== undefined) {
    const structural = validateStructure(shape.definition, shape.base);
    findings.push(...structural);
    // The checks guard every shape they read, so they run even when the schema found errors:
    // the author sees every problem at once. The definition is returned only when it is valid.
    findings.push(...runChecks(buildModel(shape.definition, shape.base, shape.standard)));
    if (!structural.some((f) => f.severity === 'error')) definition = shape.definition;
  }
  const diagnostics = findings.map((f) => place(fileName, mapper, f));
  return {
    definition,
    kind: shape.kind,
    name: workflowName(fileName),
    errors: diagnostics.filter((d) => d.severity === 'error'),
    warnings: diagnostics.filter((d) => d.severity === 'warning'),
  };
}

function place(file: string, mapper: PositionMapper, f: Finding): Diagnostic {
  const at = mapper.at(f.path, f.position);
  const { path, ...rest } = f;
  const clean = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<
    Finding,
    'path'
  >;
  return { ...clean, file, pointer: toPointer(path), ...at };
}

function describeParseError(error: ParseError): string {
  const words = printParseErrorCode(error.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  return words;
}

function tooLarge(file: string, size: number): Diagnostic {
  return {
    severity: 'error',
    file,
    pointer: '',
    message: `The file is ${size} bytes; the limit is ${MAX_FILE_BYTES} bytes.`,
    expected: `<= ${MAX_FILE_BYTES}`,
    actual: String(size),
    hint: 'Split the workflow into child workflows.',
  };
}

function failed(file: string, error: Diagnostic): LoadResult {
  return { definition: undefined, kind: 'Stateful', name: workflowName(file), errors: [error], warnings: [] };
}

function workflowName(file: string): string {
  const base = basename(file);
  if (base.toLowerCase() === 'workflow.json') return basename(file.slice(0, -base.length - 1)) || 'workflow';
  return base.replace(/\.json$/i, '');
}
