import { isJsonObject, type JsonValue } from '../../expressions/values';
import { Frame } from '../frame';
import { type Executor, failed, fromGraph } from './env';
import { skipNotTaken } from './not-taken';

/** Switch: runs the first case whose `case` equals the expression's value, else `default`. */
export const switchAction: Executor = function* (env) {
  const value = env.evaluate(env.def.expression);
  if (typeof value !== 'string' && typeof value !== 'number') {
    return failed(
      'InvalidTemplate',
      `The 'expression' of the switch action '${env.record.name}' must evaluate to a string or a number; got ${JSON.stringify(value)}.`,
    );
  }
  const cases = isJsonObject(env.def.cases) ? env.def.cases : {};
  let branch: JsonValue | undefined = isJsonObject(env.def.default) ? env.def.default.actions : undefined;
  for (const entry of Object.values(cases)) {
    if (isJsonObject(entry) && entry.case === value) {
      branch = entry.actions;
      break;
    }
  }
  const frame = new Frame(env.frame);
  env.record.children = frame.ordered; // live: a Terminate inside still shows in the tree
  const graph = yield* env.runActions(branch, frame);
  const others = [
    ...Object.values(cases).map((entry) => (isJsonObject(entry) ? entry.actions : undefined)),
    isJsonObject(env.def.default) ? env.def.default.actions : undefined,
  ];
  skipNotTaken(
    env,
    others.filter((actions) => actions !== branch),
  );
  return fromGraph(graph, { inputs: { expressionValue: value } });
};
