/**
 * Shared setup for the hostile HTTP tests: a host per file, the check that runs after every case
 * (the host still serves a valid request and Object.prototype is clean), and problem assertions.
 */
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { post, startHostileHost, type HostileHost } from './host';
import { prototypePollution } from './plain-data';

export const JSON_TYPE = { 'content-type': 'application/json' };

/** Starts a host for the calling test file; read `.host` and `.origin` inside tests. */
export function useHostileHost(): { host: HostileHost; origin: string } {
  const state = {} as { host: HostileHost; origin: string };
  beforeAll(async () => {
    state.host = await startHostileHost();
    state.origin = state.host.flowline.origin;
  });
  afterAll(() => state.host.stop());
  afterEach(async () => {
    const response = await post(state.origin, 'hello', '{"name":"Ada"}', JSON_TYPE);
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ greeting: 'Hello, Ada!' });
    expect(prototypePollution()).toEqual([]);
  });
  return state;
}

export async function expectProblem(response: Response, status: number): Promise<Record<string, unknown>> {
  expect(response.status).toBe(status);
  expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
  const problem = (await response.json()) as Record<string, unknown>;
  expect(problem).toMatchObject({ status, title: expect.any(String) as string });
  return problem;
}
