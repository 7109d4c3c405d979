/**
 * SOAP faults as one JSON shape for both versions, named as in SOAP 1.1:
 *
 * | output        | SOAP 1.1        | SOAP 1.2                                 |
 * | ------------- | --------------- | ---------------------------------------- |
 * | `faultcode`   | `faultcode`     | `Code/Value`                             |
 * | `subcodes`    | (none)          | `Code/Subcode/Value`, outermost first    |
 * | `faultstring` | `faultstring`   | `Reason/Text` (the first one)            |
 * | `faultactor`  | `faultactor`    | `Role`                                   |
 * | `node`        | (none)          | `Node`                                   |
 * | `detail`      | `detail`        | `Detail`                                 |
 *
 * Codes are QNames whose prefixes mean nothing outside the message, so they are reduced to their
 * local part (`soap:Server` → `Server`, `soap:Client.Auth` → `Client.Auth`). `detail` is the detail
 * element's content as JSON (parse.ts rules), or null. Optional members are left out when absent.
 *
 * Every fault is terminal (not retried): stacks report any unhandled exception, business rule or bad
 * data as `Server`/`Receiver`, and a SOAP call is a POST the service may already have acted on, so
 * retrying a Server fault could repeat a side effect without any sign that the next try would fare
 * better. A service that is briefly unavailable usually answers 502/503/504 without a SOAP fault, and
 * those are retried (see index.ts).
 */
import type { Json } from '../activity';
import { elementToJson } from './parse';
import { elements, textOf, type XmlElement } from './xml';

export type SoapFault = { readonly faultcode: string; readonly faultstring: string } & Record<string, Json>;

/** The fault in a SOAP Body, or undefined when the Body holds no Fault element. */
export function readFault(body: XmlElement, version: '1.1' | '1.2'): SoapFault | undefined {
  const fault = elements(body).find((e) => e.local === 'Fault' && e.ns === body.ns);
  if (fault === undefined) return undefined;
  // Read by shape, not by envelope version: some stacks put 1.2-style Code/Reason in a 1.1 envelope.
  const shaped12 = elements(fault).some((e) => e.local === 'Code' || e.local === 'Reason');
  return shaped12 || (version === '1.2' && !elements(fault).some((e) => e.local === 'faultcode'))
    ? fault12(fault)
    : fault11(fault);
}

function fault11(fault: XmlElement): SoapFault {
  const child = (name: string): XmlElement | undefined => elements(fault).find((e) => e.local === name);
  const actor = child('faultactor');
  return {
    faultcode: localPart(text(child('faultcode'))),
    faultstring: text(child('faultstring')),
    ...(actor === undefined ? {} : { faultactor: text(actor) }),
    detail: detailOf(child('detail')),
  };
}

function fault12(fault: XmlElement): SoapFault {
  const child = (parent: XmlElement | undefined, name: string): XmlElement | undefined =>
    parent === undefined ? undefined : elements(parent).find((e) => e.local === name);
  const code = child(fault, 'Code');
  const subcodes: string[] = [];
  for (let sub = child(code, 'Subcode'); sub !== undefined; sub = child(sub, 'Subcode')) {
    subcodes.push(localPart(text(child(sub, 'Value'))));
  }
  const role = child(fault, 'Role');
  const node = child(fault, 'Node');
  return {
    faultcode: localPart(text(child(code, 'Value'))),
    ...(subcodes.length === 0 ? {} : { subcodes }),
    faultstring: text(child(child(fault, 'Reason'), 'Text')),
    ...(role === undefined ? {} : { faultactor: text(role) }),
    ...(node === undefined ? {} : { node: text(node) }),
    detail: detailOf(child(fault, 'Detail')),
  };
}

const text = (element: XmlElement | undefined): string =>
  element === undefined ? '' : textOf(element).trim();

const localPart = (qname: string): string => qname.trim().slice(qname.trim().indexOf(':') + 1);

/** The detail's content: its child elements as an object, else its text, else null. */
function detailOf(detail: XmlElement | undefined): Json {
  if (detail === undefined) return null;
  if (elements(detail).length === 0 && textOf(detail).trim() === '') return null;
  return elementToJson(detail);
}
