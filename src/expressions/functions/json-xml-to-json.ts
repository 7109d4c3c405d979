/**
 * XML to JSON the way Logic Apps' `json(xml(...))` converts (Json.NET `SerializeXmlNode`):
 * attributes become `@name`, text next to attributes or elements becomes `#text`, the XML
 * declaration becomes `?xml`, repeated sibling elements become an array, an element with only
 * text becomes a string and an empty element becomes null. All values stay strings.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { type JsonObject, type JsonValue, setOwn } from '../values';

const ELEMENT = 1;
const TEXT = 3;
const CDATA = 4;
const PROCESSING_INSTRUCTION = 7;
const COMMENT = 8;
/** Json.NET's namespace for `json:Array="true"`, which forces an array for a single element. */
const JSON_NS = 'http://james.newtonking.com/projects/json';

/** Pseudo-attributes of `<?xml version="1.0" encoding="utf-8"?>`. */
function declaration(data: string): JsonObject {
  const out: JsonObject = {};
  for (const m of data.matchAll(/(\w+)\s*=\s*(["'])(.*?)\2/g)) out[`@${m[1] ?? ''}`] = m[3] ?? '';
  return out;
}

/** Adds `node`'s children to `target`, grouping repeated names into arrays at the first one's position. */
function children(node: Node, target: JsonObject): void {
  const groups = new Map<string, { values: JsonValue[]; force: boolean }>();
  const push = (key: string, value: JsonValue, force = false): void => {
    const group = groups.get(key) ?? { values: [], force: false };
    group.values.push(value);
    group.force ||= force;
    groups.set(key, group);
  };
  for (let child = node.firstChild; child !== null; child = child.nextSibling) {
    switch (child.nodeType) {
      case ELEMENT: {
        const element = child as Element;
        push(element.nodeName, elementValue(element), element.getAttributeNS(JSON_NS, 'Array') === 'true');
        break;
      }
      case TEXT:
        // Whitespace between elements is not significant, as with XmlDocument's default loading.
        if ((child.nodeValue ?? '').trim() !== '') push('#text', child.nodeValue ?? '');
        break;
      case CDATA:
        push('#cdata-section', child.nodeValue ?? '');
        break;
      case COMMENT:
        push('#comment', child.nodeValue ?? '');
        break;
      case PROCESSING_INSTRUCTION:
        push(
          `?${child.nodeName}`,
          child.nodeName === 'xml' ? declaration(child.nodeValue ?? '') : (child.nodeValue ?? ''),
        );
        break;
    }
  }
  for (const [key, group] of groups)
    setOwn(target, key, group.values.length > 1 || group.force ? group.values : (group.values[0] ?? null));
}

function elementValue(element: Element): JsonValue {
  const out: JsonObject = {};
  for (let i = 0; i < element.attributes.length; i++) {
    const attr = element.attributes.item(i);
    if (attr === null || attr.namespaceURI === JSON_NS || attr.nodeName === 'xmlns:json') continue;
    out[`@${attr.nodeName}`] = attr.value;
  }
  children(element, out);
  const keys = Object.keys(out);
  if (keys.length === 0) return null;
  if (
    keys.length === 1 &&
    (keys[0] === '#text' || keys[0] === '#cdata-section') &&
    typeof out[keys[0]] === 'string'
  )
    return out[keys[0]] ?? null;
  return out;
}

export function xmlToJson(doc: Document): JsonObject {
  const out: JsonObject = {};
  children(doc, out);
  return out;
}
