/** Form-data and multipart functions over an action's or the trigger's body. */
import type { Call } from '../ast';
import type { ActionSnapshot, EvaluationContext } from '../context';
import { ExpressionError } from '../errors';
import type { JsonValue } from '../values';
import { argInteger, argString, invalidArgument } from './args';
import type { FunctionDef } from './types';
import { formFields, multipartParts } from './workflow-content';
import { bodyOf, namedAction, theTrigger } from './workflow-read';

type Source = (call: Call, args: readonly JsonValue[], ctx: EvaluationContext) => ActionSnapshot;
const fromTrigger: Source = (call, _args, ctx) => theTrigger(call, ctx);
const fromAction: Source = (call, args, ctx) => namedAction(call, args, ctx);

function fields(call: Call, snapshot: ActionSnapshot): { key: string; value: string }[] {
  const found = formFields(bodyOf(call, snapshot));
  if (found === undefined)
    throw new ExpressionError(
      `The template language function '${call.name}' expects the body of '${snapshot.name}' to be form-data or form-encoded content.`,
      call.span,
    );
  return found;
}

function values(
  call: Call,
  args: readonly JsonValue[],
  ctx: EvaluationContext,
  source: Source,
  keyIndex: number,
): string[] {
  const snapshot = source(call, args, ctx);
  const key = argString(call, args, keyIndex);
  return fields(call, snapshot)
    .filter((f) => f.key === key)
    .map((f) => f.value);
}

function single(source: Source, keyIndex: number): FunctionDef['evaluate'] {
  return (args, ctx, call) => {
    const found = values(call, args, ctx, source, keyIndex);
    const key = argString(call, args, keyIndex);
    if (found.length > 1)
      invalidArgument(
        call,
        keyIndex,
        `the key '${key}' has ${found.length} values; use ${call.name.replace('Value', 'MultiValues')} to get them all.`,
      );
    if (found.length === 0) invalidArgument(call, keyIndex, `the form data has no key '${key}'.`);
    return found[0] ?? null;
  };
}

function multi(source: Source, keyIndex: number): FunctionDef['evaluate'] {
  return (args, ctx, call) => values(call, args, ctx, source, keyIndex);
}

function part(source: Source, index: number): FunctionDef['evaluate'] {
  return (args, ctx, call) => {
    const snapshot = source(call, args, ctx);
    const parts = multipartParts(bodyOf(call, snapshot));
    if (parts === undefined)
      throw new ExpressionError(
        `The template language function '${call.name}' expects the body of '${snapshot.name}' to be multipart content.`,
        call.span,
      );
    const i = argInteger(call, args, index);
    const found = parts[i];
    if (i < 0 || found === undefined)
      invalidArgument(
        call,
        index,
        `the body of '${snapshot.name}' has ${parts.length} parts (index 0 to ${parts.length - 1}), not ${i}.`,
      );
    return found !== null && typeof found === 'object' && !Array.isArray(found) ? (found.body ?? null) : null;
  };
}

const def = (
  name: string,
  minArgs: number,
  summary: string,
  evaluate: FunctionDef['evaluate'],
  references?: 'action',
): FunctionDef => ({
  name,
  minArgs,
  maxArgs: minArgs,
  category: 'workflow',
  summary,
  evaluate,
  ...(references ? { references } : {}),
});

export const workflowFormFunctions: readonly FunctionDef[] = [
  def(
    'triggerFormDataValue',
    1,
    "Returns the single value of a key in the trigger's form data.",
    single(fromTrigger, 0),
  ),
  def(
    'triggerFormDataMultiValues',
    1,
    "Returns every value of a key in the trigger's form data.",
    multi(fromTrigger, 0),
  ),
  def(
    'triggerMultipartBody',
    1,
    "Returns the body of one part of the trigger's multipart output.",
    part(fromTrigger, 0),
  ),
  def(
    'formDataValue',
    2,
    "Returns the single value of a key in an action's form data.",
    single(fromAction, 1),
    'action',
  ),
  def(
    'formDataMultiValues',
    2,
    "Returns every value of a key in an action's form data.",
    multi(fromAction, 1),
    'action',
  ),
  def(
    'multipartBody',
    2,
    "Returns the body of one part of an action's multipart output.",
    part(fromAction, 1),
    'action',
  ),
];
