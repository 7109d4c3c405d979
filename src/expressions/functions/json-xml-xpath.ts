/**
 * XPath 1.0 over a parsed document with the `xpath` package. Node sets come back as arrays, the
 * way Logic Apps returns them: an element (or document) as XML content
 * (`{"$content-type": "application/xml;charset=utf-8", "$content": "<base64 of its XML>"}`, as
 * reported in MicrosoftDocs/azure-docs#113084), a text, CDATA, comment or attribute node as its
 * string value. Scalar results (count(), sum(), string(), boolean tests) come back as numbers,
 * strings and booleans.
 */
import { XMLSerializer, type Document, type Node } from '@xmldom/xmldom';
import * as xpath from 'xpath';
import type { JsonValue } from '../values';
import { xmlContent } from './json-xml-content';
import { indexDocumentOrder } from './xpath-order';

const ELEMENT = 1;
const DOCUMENT = 9;

function nodeValue(node: Node): JsonValue {
  if (node.nodeType === ELEMENT || node.nodeType === DOCUMENT)
    return xmlContent(new XMLSerializer().serializeToString(node));
  return node.nodeValue ?? '';
}

export function runXPath(doc: Document, expression: string): JsonValue {
  indexDocumentOrder(doc);
  // The xpath package is typed against the browser DOM; xmldom's nodes implement the same interface.
  const result: unknown = xpath.select(expression, doc as unknown as Parameters<typeof xpath.select>[1]);
  if (Array.isArray(result)) return result.map((node) => nodeValue(node as Node));
  if (typeof result === 'number') return Number.isFinite(result) ? result : null;
  if (typeof result === 'string' || typeof result === 'boolean') return result;
  return null;
}
