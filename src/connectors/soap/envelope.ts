/**
 * Builds a SOAP envelope from JSON. The Body holds one element, `tns:<operation>` with `tns` bound to
 * the action's `namespace`; the JSON `body` object becomes its content, by these rules (the same
 * shapes the response parser produces):
 *
 * - each key is a child element, in the order given; unprefixed names get the `tns:` prefix when
 *   `elementForm` is `qualified` (the default, as for `elementFormDefault="qualified"` schemas) and
 *   no prefix when `unqualified`; a name with a prefix (`c:code`) is written as is (declare it with an
 *   `@xmlns:c` attribute);
 * - a string, number or boolean is the element's text (escaped); `null` is `xsi:nil="true"`;
 * - an array repeats the element once per item;
 * - an object is nested content: keys starting with `@` are attributes (`"@currency": "EUR"`),
 *   `#text` is text next to them;
 * - `soapHeaders` follows the same rules inside `soap:Header`, after any WS-Security header.
 */
import { SOAP11_NS, SOAP12_NS, XSI_NS } from './parse';

export interface EnvelopeSpec {
  readonly version: '1.1' | '1.2';
  readonly operation: string;
  readonly namespace: string;
  readonly body: Readonly<Record<string, unknown>>;
  readonly soapHeaders?: Readonly<Record<string, unknown>>;
  readonly elementForm: 'qualified' | 'unqualified';
  /** Ready-made header XML (the WS-Security header), placed first in the Header. */
  readonly security?: string;
}

/** A value the envelope cannot carry; the message names the input field, e.g. `inputs.body.amount`. */
export class EnvelopeError extends Error {}

const NAME = /^(?:[\p{L}_][\p{L}\p{N}_.\u00B7-]*:)?[\p{L}_][\p{L}\p{N}_.\u00B7-]*$/u;

export function buildEnvelope(spec: EnvelopeSpec): string {
  const envNs = spec.version === '1.2' ? SOAP12_NS : SOAP11_NS;
  const writer = new Writer(spec.elementForm === 'qualified' ? 'tns:' : '');
  const headers =
    (spec.security ?? '') +
    Object.entries(spec.soapHeaders ?? {})
      .map(([key, value]) => writer.element(key, value, `inputs.soapHeaders.${key}`))
      .join('');
  const operation = writer.element(`tns:${spec.operation}`, spec.body, 'inputs.body');
  return (
    `<?xml version="1.0" encoding="utf-8"?>` +
    `<soap:Envelope xmlns:soap="${envNs}" xmlns:xsi="${XSI_NS}" xmlns:tns="${escape(spec.namespace, true)}">` +
    (headers === '' ? '' : `<soap:Header>${headers}</soap:Header>`) +
    `<soap:Body>${operation}</soap:Body></soap:Envelope>`
  );
}

class Writer {
  constructor(private readonly prefix: string) {}

  element(key: string, value: unknown, path: string): string {
    if (!NAME.test(key)) throw new EnvelopeError(`${path}: expected an XML element name, found '${key}'.`);
    const name = key.includes(':') ? key : `${this.prefix}${key}`;
    if (Array.isArray(value)) {
      return value
        .map((item, index) => {
          if (Array.isArray(item))
            throw new EnvelopeError(`${path}[${index}]: expected a value or an object, found an array.`);
          return this.element(key, item, `${path}[${index}]`);
        })
        .join('');
    }
    if (value === null) return `<${name} xsi:nil="true"/>`;
    if (typeof value !== 'object') return `<${name}>${text(value, path, false)}</${name}>`;
    let attributes = '';
    let content = '';
    for (const [child, member] of Object.entries(value)) {
      const at = `${path}.${child}`;
      if (child.startsWith('@')) {
        const attribute = child.slice(1);
        if (!NAME.test(attribute))
          throw new EnvelopeError(`${at}: expected an XML attribute name after '@', found '${attribute}'.`);
        attributes += ` ${attribute}="${text(member, at, true)}"`;
      } else if (child === '#text') {
        content += text(member, at, false);
      } else {
        content += this.element(child, member, at);
      }
    }
    return content === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${content}</${name}>`;
  }
}

function text(value: unknown, path: string, attribute: boolean): string {
  if (typeof value === 'number' && !Number.isFinite(value))
    throw new EnvelopeError(`${path}: expected a finite number, found ${value}.`);
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    const found = value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value;
    throw new EnvelopeError(
      `${path}: expected a string, number or boolean${attribute ? ' for an attribute' : ''}, found ${found}.`,
    );
  }
  const s = String(value);
  const bad = invalidChar(s);
  if (bad !== undefined) {
    const code = bad.toString(16).toUpperCase().padStart(4, '0');
    throw new EnvelopeError(`${path}: expected text XML 1.0 can carry, found the character U+${code}.`);
  }
  return escape(s, attribute);
}

/** A UTF-16 unit XML 1.0 cannot carry: C0 controls but tab, LF and CR; U+FFFE/U+FFFF; a lone surrogate. */
function invalidChar(s: string): number | undefined {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0xfffe || c === 0xffff) return c;
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = s.charCodeAt(i + 1);
      if (!(next >= 0xdc00 && next <= 0xdfff)) return c;
      i++;
    } else if (c >= 0xdc00 && c <= 0xdfff) return c;
  }
  return undefined;
}

function escape(s: string, attribute: boolean): string {
  const out = s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  return attribute
    ? out.replace(/"/g, '&quot;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;')
    : out.replace(/\r/g, '&#13;');
}
