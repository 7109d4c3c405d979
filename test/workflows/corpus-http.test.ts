/**
 * A public Logic Apps Standard workflow, loaded unchanged from ../shared/corpus, runs on Flowline
 * with its URLs pointed at loopback servers through a Standard `parameters.json`.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { action, type Backend, type Flowline, startBackend, startFlowline } from './helpers';

const CORPUS_FILE = resolve(__dirname, '../../../shared/corpus/logicapps/lau-http-workflow.json');
const CUSTOMER = {
  id: 54624,
  title: 'Mr',
  firstName: 'Peter',
  lastName: 'Smith',
  dateOfBirth: '1970-04-25',
  languageCode: 'en-GB',
  address: {
    line1: '8 High Street',
    line2: null,
    line3: null,
    town: 'Luton',
    county: 'Bedfordshire',
    postcode: 'LT12 6TY',
    countryCode: 'UK',
    countryName: 'United Kingdom',
  },
  extraField: 'kept',
};

describe.skipIf(!existsSync(CORPUS_FILE))(
  'corpus: lau-http-workflow.json (Logic Apps Standard, built-in operations only)',
  () => {
    let serviceOne: Backend;
    let serviceTwo: Backend;
    let flowline: Flowline;

    beforeAll(async () => {
      serviceOne = await startBackend((call) => {
        if (call.path === '/customers/54624' && call.headers['x-api-key'] === 'ApiKey one-key')
          return { body: CUSTOMER };
        return { status: 404, body: { error: 'no such customer' } };
      });
      serviceTwo = await startBackend(() => ({ status: 200, body: { updated: true } }));
      const dir = mkdtempSync(join(tmpdir(), 'flowline-corpus-'));
      mkdirSync(join(dir, 'lau-http-workflow'));
      copyFileSync(CORPUS_FILE, join(dir, 'lau-http-workflow', 'workflow.json'));
      writeFileSync(
        join(dir, 'parameters.json'),
        JSON.stringify({
          'ServiceOne-Url': { type: 'String', value: "@appsetting('ServiceOne-Url')" },
          'ServiceOne-Authentication-APIKey': { type: 'String', value: 'one-key' },
          'ServiceOne-Authentication-WebHook-APIKey': { type: 'String', value: 'hook-key' },
          'ServiceTwo-Url': { type: 'String', value: "@appsetting('ServiceTwo-Url')" },
          'ServiceTwo-Authentication-APIKey': { type: 'String', value: 'two-key' },
        }),
      );
      flowline = await startFlowline({
        FLOWLINE_WORKFLOWS_DIR: dir,
        'ServiceOne-Url': serviceOne.url,
        'ServiceTwo-Url': serviceTwo.url,
        'ServiceTwo-DefaultAddressType': 'home',
      });
    });
    afterAll(async () => {
      await flowline.stop();
      await serviceOne.close();
      await serviceTwo.close();
    });

    const call = (customerId: number, apiKey: string) =>
      fetch(`${flowline.origin}/api/workflows/lau-http-workflow/triggers/manual/invoke`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-api-key': apiKey },
        body: JSON.stringify({
          id: 'evt-1',
          type: 'customer.updated',
          customerId,
          correlationId: 'c-1',
          sourceSystem: 'crm',
          timestamp: '2026-11-22T10:00:00Z',
        }),
      });

    it('reads the customer from service one, writes it to service two and answers 200', async () => {
      const response = await call(54624, 'hook-key');
      expect(response.status).toBe(200);
      expect(await response.text()).toBe('Webhook processed successfully');
      const [put] = serviceTwo.calls;
      expect(put?.method).toBe('PUT');
      expect(put?.path).toBe('/membership/customers/54624');
      expect(put?.headers['x-api-key']).toBe('ApiKey two-key');
      expect(put?.body).toMatchObject({
        name: 'Peter Smith',
        addresses: [{ addressType: 'home', addressLine1: '8 High Street', addressLine2: null }],
      });
      const view = await flowline.waitForRun(
        'lau-http-workflow',
        response.headers.get('x-flowline-run-id') ?? '',
      );
      expect(view.status).toBe('Succeeded');
      expect(action(view, 'Parse_Customer').outputs).toEqual({ body: CUSTOMER });
      expect(action(view, 'Get_Customer_Details_from_Service_One')).toMatchObject({
        status: 'Succeeded',
        trackedProperties: { recordType: 'customer', recordId: '54624', correlationId: 'c-1' },
      });
    });

    it('answers 401 from the else branch when the webhook key is wrong, without calling the services', async () => {
      const before = serviceOne.calls.length;
      const response = await call(54624, 'wrong');
      expect(response.status).toBe(401);
      expect(await response.text()).toBe('Invalid/No authorization header passed');
      expect(serviceOne.calls.length).toBe(before);
    });

    it("passes service one's 404 through to the caller", async () => {
      const response = await call(1, 'hook-key');
      expect(response.status).toBe(404);
      expect(await response.text()).toBe('Unable to get customer details: {"error":"no such customer"}');
    });
  },
);
