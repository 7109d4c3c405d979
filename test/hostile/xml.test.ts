/**
 * Hostile XML through every XML reader: the expression functions (`xml`, `json(xml())`, `xpath`)
 * and the SOAP connector's parser and WSDL reader. DTDs, entities (external, parameter, billion
 * laughs), a 10 MB attribute and deep nesting are refused or read with a clear error of the reader's
 * own class, in bounded time and memory.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readWsdl, WsdlError } from '../../src/connectors/soap/wsdl';
import { parseXml, XmlError } from '../../src/connectors/soap/xml';
import { evaluateText } from '../../src/expressions/run';
import { createStaticContext } from '../../src/expressions/static-context';
import { evaluateTimed, isExpressionError } from './support/expression-run';
import { bounded, describeError, timed, timedWithin } from './support/property';

const laughs = [
  '<!DOCTYPE lolz [<!ENTITY lol "lol">',
  ...Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`),
  ']><r>&lol9;</r>',
].join('');

const HOSTILE: Record<string, string> = {
  'external file entity':
    '<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><r>&x;</r>',
  'external URL entity': '<!DOCTYPE r [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]><r>&x;</r>',
  'parameter entity': '<!DOCTYPE r [<!ENTITY % p SYSTEM "http://127.0.0.1:9/p.dtd"> %p;]><r/>',
  'billion laughs': laughs,
  'plain DOCTYPE': '<!DOCTYPE html><r/>',
  'lower-case doctype': '<!doctype r><r/>',
  'entity declaration without DOCTYPE': '<r><!ENTITY x "y"></r>',
  'undeclared entity': '<r>&x;</r>',
  'deep nesting (100,000 levels)': `${'<a>'.repeat(100_000)}x${'</a>'.repeat(100_000)}`,
  'unclosed deep nesting': '<a>'.repeat(100_000),
  '10 MB attribute value': `<r a="${'x'.repeat(10 * 1024 * 1024)}"/>`,
};

/** Well-formed but huge: a reader may accept it, but must answer in time. */
const HUGE: Record<string, string> = {
  '1 MB attribute value': `<r a="${'x'.repeat(1024 * 1024)}"/>`,
  '10,000 attributes': `<r ${Array.from({ length: 10_000 }, (_, i) => `a${i}="1"`).join(' ')}/>`,
  '10,000 siblings': `<r>${'<a>1</a>'.repeat(10_000)}</r>`,
  'nesting 150 levels': `${'<a>'.repeat(150)}x${'</a>'.repeat(150)}`,
};

type Reader = (text: string) => unknown;

const expression =
  (text: string): Reader =>
  (xml) =>
    evaluateText(text, createStaticContext({ trigger: { outputs: { body: { s: xml } } } }));

const READERS: Record<string, { read: Reader; owns: (error: unknown) => boolean }> = {
  'xml()': { read: expression("@xml(triggerBody()?['s'])"), owns: isExpressionError },
  'json(xml())': { read: expression("@json(xml(triggerBody()?['s']))"), owns: isExpressionError },
  'xpath(xml())': {
    read: expression("@xpath(xml(triggerBody()?['s']), 'count(//*)')"),
    owns: isExpressionError,
  },
  'SOAP parseXml': { read: (xml) => parseXml(xml, 'the SOAP response'), owns: (e) => e instanceof XmlError },
  'SOAP readWsdl': {
    read: readWsdl,
    owns: (e) => e instanceof XmlError || e instanceof WsdlError,
  },
};

const TIME_MS = 2000;
const HEAP_MB = 300;

function heapMb(): number {
  return process.memoryUsage().heapUsed / 1024 / 1024;
}

describe('hostile XML', () => {
  for (const [reader, { read, owns }] of Object.entries(READERS)) {
    it.each(Object.entries(HOSTILE))(
      `${reader} refuses %s with its own error, in bounded time and memory`,
      (_label, xml) => {
        const before = heapMb();
        const outcome = timed(() => read(xml));
        expect(outcome.error, 'it should refuse the document').toBeDefined();
        expect(owns(outcome.error), describeError(outcome.error)).toBe(true);
        expect(outcome.ms).toBeLessThan(TIME_MS);
        expect(heapMb() - before).toBeLessThan(HEAP_MB);
      },
    );

    it.each(Object.entries(HUGE))(`${reader} reads or refuses %s cleanly, in bounded time`, (_label, xml) => {
      const outcome = timed(() => read(xml));
      if (outcome.error !== undefined) expect(owns(outcome.error), describeError(outcome.error)).toBe(true);
      expect(outcome.ms).toBeLessThan(TIME_MS);
    });
  }

  it('xpath with a positional predicate over 8,000 siblings answers within 3 s (took 29 s before)', () => {
    const data = { trigger: { outputs: { body: { s: `<r>${'<a>1</a>'.repeat(8000)}<a>last</a></r>` } } } };
    const outcome = evaluateTimed("@xpath(xml(triggerBody()?['s']), 'string(/r/a[8001])')", data);
    expect(outcome.value).toBe('last');
    expect(outcome.ms).toBeLessThan(3000);
  });

  it('xpath still returns node sets in document order', () => {
    const xml = '<r><a i="1"><b>x</b></a><b>y</b><a i="2"/></r>';
    const outcome = evaluateTimed(`@xpath(xml('${xml}'), '//a/@i | //b/text()')`);
    expect(outcome.value).toEqual(['1', 'x', 'y', '2']);
  });

  it('says why a DOCTYPE is refused', () => {
    expect(describeError(evaluateTimed(`@xml('${HOSTILE['plain DOCTYPE'] ?? ''}')`).error)).toMatch(
      /DTDs are not allowed/,
    );
    expect(describeError(timed(() => parseXml(laughs, 'the SOAP response')).error)).toMatch(
      /DTDs and entity declarations are refused/,
    );
  });

  it('random XML-like text never escapes the readers as a foreign error', () => {
    const piece = fc.constantFrom(
      '<a>',
      '</a>',
      '<b x="1">',
      '</b>',
      '<!DOCTYPE',
      '<!ENTITY',
      '&x;',
      '&amp;',
      '<![CDATA[',
      ']]>',
      '<!--',
      '-->',
      '<?xml version="1.0"?>',
      'text',
      '"',
      '=',
      ' ',
      '<',
      '>',
      '/',
      ':',
      'xmlns:p="u"',
      '<p:c>',
      '&#0;',
      '&#x110000;',
    );
    const doc = fc.array(piece, { maxLength: 40 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(doc, (xml) => {
        for (const [reader, { read, owns }] of Object.entries(READERS)) {
          const outcome = timedWithin(50, () => read(xml));
          if (outcome.error !== undefined && !owns(outcome.error))
            throw new Error(`${reader} on ${JSON.stringify(xml)}: ${describeError(outcome.error)}`);
          if (outcome.ms > 50) throw new Error(`${reader} on ${JSON.stringify(xml)} took ${outcome.ms} ms`);
        }
      }),
      bounded(1500, 6000),
    );
  });
});
