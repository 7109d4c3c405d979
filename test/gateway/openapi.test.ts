/** `flowline openapi`: one operation per Request trigger, valid OpenAPI 3.0 for API Management. */
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Catalog } from '../../src/functions/workflows/catalog';
import { openApiDocument } from '../../src/gateway/openapi';

type Doc = {
  paths: Record<string, Record<string, Record<string, unknown>>>;
  components: { securitySchemes: Record<string, { openIdConnectUrl: string }> };
};

describe('the OpenAPI document', () => {
  let doc: Doc;
  beforeAll(async () => {
    const entries = await new Catalog(resolve(__dirname, '../fixtures/openapi')).list();
    doc = openApiDocument(entries, {
      title: 'Orders',
      version: '1.2.3',
      tenant: 'contoso.onmicrosoft.com',
    }) as Doc;
  });

  it('puts each trigger at its invoke route with its method and relativePath', () => {
    expect(Object.keys(doc.paths).sort()).toEqual([
      '/workflows/create-order/triggers/manual/invoke',
      '/workflows/get-order/triggers/lookup/invoke/orders/{id}',
    ]);
    const get = doc.paths['/workflows/get-order/triggers/lookup/invoke/orders/{id}']?.['get'];
    expect(get).toMatchObject({
      operationId: 'getOrder_lookup',
      summary: 'Reads one order.',
      parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }],
    });
    expect(get).not.toHaveProperty('requestBody');
  });

  it('takes the request body schema from the trigger, converted to OpenAPI 3.0', () => {
    const post = doc.paths['/workflows/create-order/triggers/manual/invoke']?.['post'];
    expect(post?.['requestBody']).toEqual({
      required: true,
      content: {
        'application/json': {
          schema: {
            type: 'object',
            required: ['sku'],
            properties: { sku: { type: 'string' }, note: { type: 'string', nullable: true } },
          },
        },
      },
    });
    expect(post?.['summary']).toBe('Creates an order.');
  });

  it.each([
    [
      'get-order/triggers/lookup/invoke/orders/{id}',
      'get',
      '200',
      {
        'application/json': {
          schema: {
            type: 'object',
            properties: { id: { type: 'string' }, total: { type: 'number' }, paid: { type: 'boolean' } },
          },
        },
      },
    ],
    [
      'get-order/triggers/lookup/invoke/orders/{id}',
      'get',
      '404',
      { 'text/plain': { schema: { type: 'string' } } },
    ],
    [
      'create-order/triggers/manual/invoke',
      'post',
      '201',
      { 'application/json': { schema: { type: 'object', properties: { sku: { type: 'string' } } } } },
    ],
  ])('documents the Response of %s with status %s', (path, method, status, content) => {
    const responses = doc.paths[`/workflows/${path}`]?.[method]?.['responses'] as Record<
      string,
      { content?: unknown }
    >;
    expect(responses[status]?.content).toEqual(content);
  });

  it('documents the API answers every operation can give', () => {
    for (const methods of Object.values(doc.paths)) {
      for (const op of Object.values(methods)) {
        expect(Object.keys(op['responses'] as object)).toEqual(
          expect.arrayContaining(['202', '400', '401', '403', '429']),
        );
      }
    }
  });

  it('secures every operation with the tenant’s OpenID Connect configuration', () => {
    expect(doc.components.securitySchemes['entra']?.openIdConnectUrl).toBe(
      'https://login.microsoftonline.com/contoso.onmicrosoft.com/v2.0/.well-known/openid-configuration',
    );
  });
});

describe('validity', () => {
  it.each([
    ['the fixture workflows', resolve(__dirname, '../fixtures/openapi')],
    ['the example workflows', resolve(__dirname, '../../workflows')],
  ])('validates against the OpenAPI 3.0 schema for %s', async (_case, dir) => {
    const { Validator } = await import('@seriousme/openapi-schema-validator');
    const document = openApiDocument(await new Catalog(dir).list(), { title: 'Flowline', version: '1.0.0' });
    const result = await new Validator().validate(document);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });
});
