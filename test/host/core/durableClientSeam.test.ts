import type { IncomingMessage } from 'node:http';
import { expect, test } from 'vitest';
import type { HostEnvironment, HostExtension } from '../../../src/host/extension';
import { startFixture } from './helpers';

/**
 * A stand-in for the Durable extension's HTTP side, only as deep as the seam needs: it supplies the
 * `durableClient` input and answers the SDK's `startNew` call on the host's own port.
 */
function clientSeam(seen: string[]): HostExtension {
  let origin = '';
  return {
    name: 'client-seam',
    triggerTypes: ['orchestrationTrigger', 'activityTrigger'],
    start(_runtime, env: HostEnvironment) {
      origin = env.origin;
      return Promise.resolve();
    },
    stop: () => Promise.resolve(),
    inputBindingValue(type) {
      if (type !== 'durableClient') return undefined;
      const base = `${origin}/runtime/webhooks/durabletask`;
      const q = 'taskHub=Hub&connection=Storage';
      const instance = `${base}/instances/INSTANCEID`;
      return {
        string: JSON.stringify({
          taskHubName: 'Hub',
          creationUrls: {
            createNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]`,
            createAndWaitOnNewInstancePostUri: `${base}/orchestrators/{functionName}[/{instanceId}]?timeout={timeoutInSeconds}`,
          },
          managementUrls: {
            id: 'INSTANCEID',
            statusQueryGetUri: `${instance}?${q}`,
            sendEventPostUri: `${instance}/raiseEvent/{eventName}?${q}`,
            terminatePostUri: `${instance}/terminate?reason={text}&${q}`,
            purgeHistoryDeleteUri: `${instance}?${q}`,
          },
          baseUrl: base,
          requiredQueryStringParameters: '',
          rpcBaseUrl: `${origin}/durabletask/`,
        }),
      };
    },
    async handleHttp(req: IncomingMessage, res, url) {
      if (!url.pathname.startsWith('/durabletask/')) return false;
      let body = '';
      for await (const chunk of req as AsyncIterable<Buffer>) body += chunk.toString();
      seen.push(`${req.method ?? ''} ${url.pathname} ${body}`);
      res.writeHead(202, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: 'abc123' }));
      return true;
    },
  };
}

test('an HTTP starter with a durableClient input reaches the extension through the host and answers 202 with status URLs', async () => {
  const seen: string[] = [];
  const before = process.env['WEBSITE_HOSTNAME'];
  delete process.env['WEBSITE_HOSTNAME'];
  const { host } = await startFixture('mixed-triggers', {
    extensions: [clientSeam(seen)],
    setWebsiteHostname: true,
  });
  try {
    const response = await fetch(`${host.origin}/api/orchestrators/Greeter`, { method: 'POST' });
    expect(response.status).toBe(202);
    expect(seen).toEqual(['POST /durabletask/orchestrators/Greeter ""']);
    const location = `${host.origin}/runtime/webhooks/durabletask/instances/abc123?taskHub=Hub&connection=Storage`;
    expect(response.headers.get('location')).toBe(location);
    expect(await response.json()).toMatchObject({ id: 'abc123', statusQueryGetUri: location });
  } finally {
    await host.stop();
    if (before === undefined) delete process.env['WEBSITE_HOSTNAME'];
    else process.env['WEBSITE_HOSTNAME'] = before;
  }
});
