import { sync } from './env';

/** Compose: the evaluated inputs are the outputs. */
export const compose = sync((env) => {
  const value = env.evaluate(env.def.inputs ?? null);
  return { status: 'Succeeded', inputs: value, outputs: value };
});
