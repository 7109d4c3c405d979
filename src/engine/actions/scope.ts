import { Frame } from '../frame';
import { type Executor, fromGraph } from './env';

/** Scope: runs its actions; Failed when one of them failed without a handler inside the scope. */
export const scope: Executor = function* (env) {
  const frame = new Frame(env.frame);
  env.record.children = frame.ordered; // live: a Terminate inside still shows in the tree
  const result = yield* env.runActions(env.def.actions, frame);
  return fromGraph(result);
};
