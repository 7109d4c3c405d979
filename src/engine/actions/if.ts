import { isJsonObject } from '../../expressions/values';
import { evaluateCondition } from '../condition';
import { Frame } from '../frame';
import { type Executor, fromGraph } from './env';
import { skipNotTaken } from './not-taken';

/** If: runs `actions` when the condition holds, `else.actions` otherwise. */
export const ifAction: Executor = function* (env) {
  const result = evaluateCondition(env.def.expression, env.ctx);
  const branch = result ? env.def.actions : isJsonObject(env.def.else) ? env.def.else.actions : undefined;
  const frame = new Frame(env.frame);
  env.record.children = frame.ordered; // live: a Terminate inside still shows in the tree
  const graph = yield* env.runActions(branch, frame);
  skipNotTaken(env, [
    result ? (isJsonObject(env.def.else) ? env.def.else.actions : undefined) : env.def.actions,
  ]);
  return fromGraph(graph, { inputs: { expressionResult: result }, outputs: { expression: result } });
};
