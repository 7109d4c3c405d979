/**
 * XML elements as JSON, by one rule (documented in docs/connectors.md (Soap), "Responses as JSON"):
 *
 * - names lose their prefix: `<m:rate>` and `<rate xmlns="urn:x">` are both `rate`; namespace
 *   declarations are dropped;
 * - an element without attributes or child elements is its text, always a string (`"0012"` stays
 *   `"0012"`; an empty element is `""`), whitespace kept;
 * - `xsi:nil="true"` makes an element `null`;
 * - otherwise it is an object: attributes first as `@name`, then child elements in the order their
 *   names first appear, then any non-blank text as `#text`;
 * - a name that occurs more than once among siblings becomes an array (in document order), and so
 *   does every name listed in `arrayElements` even when it occurs once.
 */
import type { Json } from '../activity';
import { elements, textOf, type XmlElement } from './xml';

export const XSI_NS = 'http://www.w3.org/2001/XMLSchema-instance';

export interface JsonOptions {
  /** Local names that are always arrays. */
  readonly arrayElements?: ReadonlySet<string>;
}

export function elementToJson(element: XmlElement, options: JsonOptions = {}): Json {
  if (isNil(element)) return null;
  const attributes = element.attributes.filter((a) => !(a.ns === XSI_NS && a.local === 'nil'));
  const children = elements(element);
  if (attributes.length === 0 && children.length === 0) return textOf(element);
  const out: Record<string, Json> = {};
  for (const attribute of attributes) {
    const key = `@${attribute.local}`;
    if (!Object.hasOwn(out, key)) define(out, key, attribute.value);
  }
  const groups = new Map<string, Json[]>();
  for (const child of children) {
    const group = groups.get(child.local) ?? [];
    group.push(elementToJson(child, options));
    groups.set(child.local, group);
  }
  for (const [name, values] of groups) {
    const always = options.arrayElements?.has(name) === true;
    define(out, name, values.length === 1 && !always ? (values[0] ?? null) : values);
  }
  const text = element.children.filter((c): c is string => typeof c === 'string' && c.trim() !== '').join('');
  if (text !== '') define(out, '#text', children.length === 0 ? textOf(element) : text);
  return out;
}

function isNil(element: XmlElement): boolean {
  return element.attributes.some(
    (a) => a.ns === XSI_NS && a.local === 'nil' && (a.value.trim() === 'true' || a.value.trim() === '1'),
  );
}

/** Sets a key without invoking setters, so an element named `__proto__` is just a key. */
function define(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

export const SOAP11_NS = 'http://schemas.xmlsoap.org/soap/envelope/';
export const SOAP12_NS = 'http://www.w3.org/2003/05/soap-envelope';

export interface ReadEnvelope {
  readonly version: '1.1' | '1.2';
  readonly header: XmlElement | undefined;
  readonly body: XmlElement;
}

/** The Header and Body of a SOAP envelope, or a message saying what was found instead. */
export function readEnvelope(root: XmlElement): ReadEnvelope | string {
  const version = root.ns === SOAP11_NS ? '1.1' : root.ns === SOAP12_NS ? '1.2' : undefined;
  if (root.local !== 'Envelope' || version === undefined) {
    return `expected a SOAP 1.1 or 1.2 Envelope as the root element, found <${root.name}>${root.ns === undefined ? '' : ` in namespace '${root.ns}'`}`;
  }
  const parts = elements(root).filter((e) => e.ns === root.ns);
  const body = parts.find((e) => e.local === 'Body');
  if (body === undefined) return 'expected a Body element in the SOAP Envelope, found none';
  return { version, header: parts.find((e) => e.local === 'Header'), body };
}
