/**
 * JSON and XML functions: `json` (JSON text, or XML converted the Json.NET way), `xml` (XML text,
 * or a JSON object converted to XML) and `xpath`. XML travels as the Logic Apps XML content
 * envelope; XML input with a DOCTYPE is refused (see `json-xml-parse.ts`).
 */
import type { Call } from '../ast';
import { isJsonObject, type JsonValue } from '../values';
import { argString, invalidArgument, wrongType } from './args';
import { isXmlType, readContent, xmlContent } from './json-xml-content';
import { findTooDeep, MAX_JSON_DEPTH } from '../json-depth';
import { parseXml, XmlError } from './json-xml-parse';
import { xmlToJson } from './json-xml-to-json';
import { jsonToXml, JsonToXmlError } from './json-xml-to-xml';
import { runXPath } from './json-xml-xpath';
import type { FunctionDef } from './types';

/** The longest XPath expression `xpath()` accepts, the same as WDL's limit on one expression. */
export const MAX_XPATH_LENGTH = 8192;

function parseJson(call: Call, text: string): JsonValue {
  if (findTooDeep(text) !== undefined)
    invalidArgument(call, 0, `the JSON is nested more than ${MAX_JSON_DEPTH} levels deep.`);
  try {
    return JSON.parse(text) as JsonValue;
  } catch (error) {
    const shown = text.length > 100 ? `${text.slice(0, 100)}...` : text;
    return invalidArgument(
      call,
      0,
      `the provided value '${shown}' cannot be parsed as JSON: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}

/** Runs an XML step, turning XML problems into an error about argument `index`. */
function guarded<T>(call: Call, index: number, step: () => T): T {
  try {
    return step();
  } catch (error) {
    if (error instanceof XmlError || error instanceof JsonToXmlError)
      invalidArgument(call, index, error.message);
    throw error;
  }
}

/** The XML text of an argument: an XML content envelope or a string. */
export function argXmlText(call: Call, args: readonly JsonValue[], index: number): string {
  const value = args[index];
  const content = readContent(value);
  if (content !== undefined) return content.text;
  if (typeof value === 'string') return value;
  return wrongType(call, index, 'an XML string or the result of xml()', value);
}

export const jsonXmlFunctions: readonly FunctionDef[] = [
  {
    name: 'json',
    minArgs: 1,
    maxArgs: 1,
    category: 'json-xml',
    summary: 'Parses JSON text, or converts XML (the result of xml()) to JSON.',
    evaluate: (args, _ctx, call) => {
      const value = args[0] ?? null;
      // The reference: "If the string is null, the function returns an empty object."
      if (value === null) return {};
      if (typeof value === 'string') return parseJson(call, value);
      const content = readContent(value);
      if (content === undefined) return value;
      if (isXmlType(content.type)) return guarded(call, 0, () => xmlToJson(parseXml(content.text)));
      return parseJson(call, content.text);
    },
  },
  {
    name: 'xml',
    minArgs: 1,
    maxArgs: 1,
    category: 'json-xml',
    summary: 'Returns XML content for XML text or for a JSON object with a single root property.',
    evaluate: (args, _ctx, call) => {
      const value = args[0];
      const content = readContent(value);
      if (content !== undefined && isXmlType(content.type)) return value ?? null;
      const source = content?.text ?? value;
      if (typeof source === 'string') {
        if (source.trimStart().startsWith('<')) {
          guarded(call, 0, () => parseXml(source));
          return xmlContent(source);
        }
        const parsed = parseJson(call, source);
        if (!isJsonObject(parsed)) return wrongType(call, 0, 'XML text or a JSON object', parsed);
        return xmlContent(guarded(call, 0, () => jsonToXml(parsed)));
      }
      if (!isJsonObject(source)) return wrongType(call, 0, 'XML text or a JSON object', source);
      return xmlContent(guarded(call, 0, () => jsonToXml(source)));
    },
  },
  {
    name: 'xpath',
    minArgs: 2,
    maxArgs: 2,
    category: 'json-xml',
    summary:
      'Evaluates an XPath 1.0 expression over XML: node sets as arrays, or a number, string or boolean.',
    evaluate: (args, _ctx, call) => {
      const doc = guarded(call, 0, () => parseXml(argXmlText(call, args, 0)));
      const expression = argString(call, args, 1);
      // The xpath package parses in time linear in the length, but slowly (about 5 ms per 1,000
      // characters): a path taken from a request body must not hold the orchestrator for minutes.
      if (expression.length > MAX_XPATH_LENGTH)
        invalidArgument(
          call,
          1,
          `the XPath expression is ${expression.length} characters long; the limit is ${MAX_XPATH_LENGTH}.`,
        );
      try {
        return runXPath(doc, expression);
      } catch (error) {
        return invalidArgument(
          call,
          1,
          `the XPath expression '${expression}' is not valid: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    },
  },
];
