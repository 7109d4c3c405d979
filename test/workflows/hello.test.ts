/** workflows/hello.json: the README's first workflow, request/response with schema validation and a Switch. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Flowline, startFlowline } from './helpers';

describe('workflows/hello.json', () => {
  let flowline: Flowline;
  beforeAll(async () => {
    flowline = await startFlowline({});
  });
  afterAll(() => flowline.stop());

  it.each([
    [{ name: 'Ada' }, 'Hello, Ada!'],
    [{ name: 'Ada', language: 'fr' }, 'Bonjour, Ada!'],
    [{ name: 'Ada', language: 'de' }, 'Hallo, Ada!'],
  ])('answers %j with "%s" and the run id', async (body, greeting) => {
    const response = await flowline.invoke('hello', body);
    expect(response.status).toBe(200);
    const runId = response.headers.get('x-flowline-run-id');
    expect(await response.json()).toEqual({ greeting, run: runId });
  });

  it('rejects a body without a name with 400 and every violation, starting no run', async () => {
    const response = await flowline.invoke('hello', { language: 'es' });
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toBe('application/problem+json');
    const problem = (await response.json()) as { errors: { pointer: string }[] };
    expect(problem.errors.map((e) => e.pointer).sort()).toEqual(['/language', '/name']);
    expect(response.headers.get('x-flowline-run-id')).toBeNull();
  });

  it('records the case taken in the run view', async () => {
    const response = await flowline.invoke('hello', { name: 'Ada', language: 'de' });
    const view = await flowline.waitForRun('hello', response.headers.get('x-flowline-run-id') ?? '');
    expect(view.status).toBe('Succeeded');
    expect(action(view, 'Language').status).toBe('Succeeded');
    expect(action(view, 'Hallo')).toMatchObject({
      status: 'Succeeded',
      inputs: { name: 'greeting', value: 'Hallo' },
    });
  });
});
