/**
 * A 100 MB request body against the real embedded host: streamed without a Content-Length it is
 * cut off at the limit with 413 problem details; declared up front it is refused before reading.
 * Either way the host serves the next request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_MAX_BODY_BYTES } from '../../src/host/startHost';
import { post, startHostileHost, type HostileHost } from './support/host';
import { streamUpload } from './support/stream-upload';

let host: HostileHost;
let url: string;

beforeAll(async () => {
  host = await startHostileHost();
  url = `${host.flowline.origin}/api/workflows/hello/triggers/manual/invoke`;
});
afterAll(() => host.stop());

async function expectHostServes(): Promise<void> {
  const response = await post(host.flowline.origin, 'hello', '{"name":"Ada"}', {
    'content-type': 'application/json',
  });
  expect(response.status).toBe(200);
  expect(await response.json()).toMatchObject({ greeting: 'Hello, Ada!' });
}

describe('request body size', () => {
  it('the limit is 100 MiB, as on Azure Functions', () => {
    expect(DEFAULT_MAX_BODY_BYTES).toBe(100 * 1024 * 1024);
  });

  it('a 100 MB body streamed without Content-Length gets 413 problem details, and the host serves the next request', async () => {
    const started = performance.now();
    const result = await streamUpload(url, DEFAULT_MAX_BODY_BYTES + 1024 * 1024);
    expect(result.status).toBe(413);
    expect(result.contentType).toMatch(/^application\/problem\+json/);
    expect(JSON.parse(result.body)).toMatchObject({ status: 413, title: 'Payload Too Large' });
    expect(performance.now() - started).toBeLessThan(20_000);
    await expectHostServes();
  });

  it('a declared Content-Length over the limit is refused before any byte is read', async () => {
    const result = await streamUpload(url, 1024, { 'content-length': String(DEFAULT_MAX_BODY_BYTES + 1) });
    expect(result.status).toBe(413);
    expect(result.contentType).toMatch(/^application\/problem\+json/);
    expect(result.sentBytes).toBeLessThanOrEqual(1024);
    await expectHostServes();
  });
});
