/** Hostile responses: DTDs, external entities, entity bombs, deep nesting and oversized bodies are refused. */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defineConnector } from '../../../src/connectors/activity';
import { soapDefinition } from '../../../src/connectors/soap/index';
import { parseXml, XmlError } from '../../../src/connectors/soap/xml';
import { answer, DEFAULT_EGRESS, envelope11, type RawServer, startRawServer } from './servers';

const SECRET_FILE = join(mkdtempSync(join(tmpdir(), 'flowline-xxe-')), 'secret.txt');
const FILE_CONTENT = 'TOP-SECRET-FILE-CONTENT';
writeFileSync(SECRET_FILE, FILE_CONTENT);

const laughs = [
  '<?xml version="1.0"?>',
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']>',
  envelope11('<r>&lol9;</r>').replace(/^<\?xml[^>]*>/, ''),
].join('');

let server: RawServer;
const hostile: Record<string, (origin: string) => string> = {
  'external file entity': () =>
    `<?xml version="1.0"?><!DOCTYPE r [<!ENTITY xxe SYSTEM "file://${SECRET_FILE}">]>${envelope11('<r>&xxe;</r>').replace(/^<\?xml[^>]*>/, '')}`,
  'external URL entity': (origin) =>
    `<!DOCTYPE r [<!ENTITY xxe SYSTEM "${origin}/fetched-by-xxe">]>${envelope11('<r>&xxe;</r>')}`,
  'parameter entity': (origin) => `<!DOCTYPE r [<!ENTITY % p SYSTEM "${origin}/fetched-by-xxe"> %p;]><r/>`,
  'billion laughs': () => laughs,
  'plain DOCTYPE': () => `<!DOCTYPE html>${envelope11('<r/>')}`,
  'doctype in lower case': () => `<!doctype r>${envelope11('<r/>')}`,
};

beforeAll(async () => {
  const routes: Record<string, ReturnType<typeof answer>> = {
    '/undefined-entity': answer(envelope11('<r>&xxe;</r>')),
    '/deep': answer(envelope11(`${'<a>'.repeat(1000)}x${'</a>'.repeat(1000)}`)),
    '/big': answer(envelope11(`<r>${'x'.repeat(64 * 1024)}</r>`)),
    '/cdata': answer(envelope11('<r><![CDATA[<!DOCTYPE html><p>&nbsp;</p>]]></r>')),
  };
  server = await startRawServer(routes);
  for (const [name, make] of Object.entries(hostile)) {
    routes[`/${name.replace(/ /g, '-')}`] = answer(make(server.origin));
  }
});
afterAll(() => server.close());

const soap = defineConnector(soapDefinition({ egress: DEFAULT_EGRESS, maxResponseBytes: 32 * 1024 }));
const call = (path: string) =>
  soap({ uri: `${server.origin}${path}`, operation: 'Op', namespace: 'urn:x', body: {} });

describe('DTDs and entities', () => {
  it.each(Object.keys(hostile))(
    'a response with a %s is refused terminally, before parsing',
    async (name) => {
      const result = await call(`/${name.replace(/ /g, '-')}`);
      expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'XmlRefused' } });
      expect(result.ok ? '' : result.error.message).toMatch(
        /^The SOAP response contains a <!(DOCTYPE|doctype)> declaration at line 1: DTDs and entity declarations are refused/,
      );
      expect(JSON.stringify(result)).not.toContain(FILE_CONTENT);
      expect(JSON.stringify(result)).not.toContain('lollollol');
      expect(server.hits).not.toContain('/fetched-by-xxe');
    },
  );

  it('an entity reference without a declaration is refused, naming the entity', async () => {
    const result = await call('/undefined-entity');
    expect(result).toMatchObject({ ok: false, retryable: false, error: { code: 'XmlRefused' } });
    expect(result.ok ? '' : result.error.message).toContain(
      "'&xxe;', which is not one of the predefined XML entities",
    );
  });

  it('a DOCTYPE inside a CDATA section is text, not a declaration', async () => {
    const result = await call('/cdata');
    expect(result.ok).toBe(true);
    expect((result.outputs as { body: unknown }).body).toBe('<!DOCTYPE html><p>&nbsp;</p>');
  });

  it('nesting deeper than the parser limit is refused rather than overflowing the stack', async () => {
    const result = await call('/deep');
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: {
        code: 'XmlRefused',
        message: 'The SOAP response nests elements deeper than 200 levels; deeper documents are refused.',
      },
    });
  });
});

describe('size', () => {
  it('a response over the size cap fails terminally with ResponseTooLarge', async () => {
    const result = await call('/big');
    expect(result).toMatchObject({
      ok: false,
      retryable: false,
      error: { code: 'ResponseTooLarge', message: 'The SOAP response is larger than 32768 bytes.' },
    });
  });
});

describe('the parser on its own', () => {
  it.each([
    ['<!DOCTYPE a SYSTEM "http://127.0.0.1:9/x.dtd"><a/>', 'refused'],
    ['<!ENTITY x "y"><a/>', 'refused'],
    ['<a>&x;</a>', 'refused'],
    ['<a><b></a>', 'invalid'],
    ['<a/><b/>', 'invalid'],
    ['<p:a/>', 'invalid'],
  ])('%s is %s', (text, kind) => {
    expect(() => parseXml(text, 'The text')).toThrow(XmlError);
    try {
      parseXml(text, 'The text');
    } catch (error) {
      expect((error as XmlError).kind).toBe(kind);
    }
  });

  it('decodes the predefined entities and character references, and keeps CDATA as is', () => {
    const root = parseXml('<a t="&quot;1&quot; &amp; 2">&lt;&#233;&#x20AC;&gt;<![CDATA[&amp;]]></a>', 'x');
    expect(root.attributes[0]?.value).toBe('"1" & 2');
    expect(root.children.filter((c) => typeof c === 'string').join('')).toBe('<é€>&amp;');
  });
});
