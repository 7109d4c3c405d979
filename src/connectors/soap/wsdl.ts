/**
 * Reads a WSDL 1.1 document (with the same safe XML reader as responses: no DTDs, no entities, and
 * no imports followed) and describes each operation of each SOAP 1.1/1.2 port as a ready-to-paste
 * Soap action: endpoint, version, SOAPAction, Body element and namespace, `elementForm`, a body
 * skeleton built from the XML Schema in `wsdl:types` (placeholders such as `"<decimal>"`,
 * enumerations as `"<EUR|USD>"`, repeated elements as one-item arrays, attributes as `@name`), and
 * the response elements that repeat, as `arrayElements`.
 */
import type { Json } from '../activity';
import { elements, parseXml, resolveQName, type XmlElement } from './xml';

const WSDL_NS = 'http://schemas.xmlsoap.org/wsdl/';
const WSDL2_NS = 'http://www.w3.org/ns/wsdl';
const SOAP11_BINDING = 'http://schemas.xmlsoap.org/wsdl/soap/';
const SOAP12_BINDING = 'http://schemas.xmlsoap.org/wsdl/soap12/';
const XSD = 'http://www.w3.org/2001/XMLSchema';
const MAX_DEPTH = 12;

export class WsdlError extends Error {}

export interface WsdlOperation {
  readonly service: string;
  readonly port: string;
  readonly soapVersion: '1.1' | '1.2';
  /** The WSDL operation name. */
  readonly name: string;
  readonly location: string | undefined;
  readonly soapAction: string;
  readonly style: 'document' | 'rpc';
  /** Local name of the Body's child element. */
  readonly operation: string;
  readonly namespace: string;
  readonly elementForm: 'qualified' | 'unqualified';
  readonly body: Record<string, Json>;
  readonly arrayElements: readonly string[];
  readonly notes: readonly string[];
}

interface Decl {
  readonly el: XmlElement;
  readonly schema: XmlElement;
}

const key = (ns: string | undefined, local: string): string => `{${ns ?? ''}}${local}`;
const attr = (el: XmlElement, name: string): string | undefined =>
  el.attributes.find((a) => a.local === name && a.ns === undefined)?.value;
const children = (el: XmlElement, ns: string, local?: string): XmlElement[] =>
  elements(el).filter((e) => e.ns === ns && (local === undefined || e.local === local));
const child = (el: XmlElement, ns: string, local: string): XmlElement | undefined =>
  children(el, ns, local)[0];

export function readWsdl(text: string): WsdlOperation[] {
  const root = parseXml(text, 'The WSDL');
  if (root.ns === WSDL2_NS)
    throw new WsdlError('The WSDL is WSDL 2.0, which is not supported; expected WSDL 1.1.');
  if (root.ns !== WSDL_NS || root.local !== 'definitions') {
    throw new WsdlError(`The WSDL: expected a WSDL 1.1 <definitions> root element, found <${root.name}>.`);
  }
  const tns = attr(root, 'targetNamespace') ?? '';
  const named = (local: string): Map<string, XmlElement> =>
    new Map(children(root, WSDL_NS, local).map((e) => [key(tns, attr(e, 'name') ?? ''), e]));
  const messages = named('message');
  const portTypes = named('portType');
  const bindings = named('binding');
  const schemas = new Schemas(children(child(root, WSDL_NS, 'types') ?? root, XSD, 'schema'));
  const out: WsdlOperation[] = [];
  for (const service of children(root, WSDL_NS, 'service')) {
    for (const port of children(service, WSDL_NS, 'port')) {
      const ref = resolveQName(port, attr(port, 'binding') ?? '');
      const binding = bindings.get(key(ref.ns, ref.local));
      const soap =
        binding && (child(binding, SOAP11_BINDING, 'binding') ?? child(binding, SOAP12_BINDING, 'binding'));
      if (binding === undefined || soap === undefined) continue; // an HTTP binding, or one defined elsewhere
      const bns = soap.ns ?? SOAP11_BINDING;
      const typeRef = resolveQName(binding, attr(binding, 'type') ?? '');
      const portType = portTypes.get(key(typeRef.ns, typeRef.local));
      for (const bop of children(binding, WSDL_NS, 'operation')) {
        const name = attr(bop, 'name') ?? '';
        const abstract =
          portType && children(portType, WSDL_NS, 'operation').find((o) => attr(o, 'name') === name);
        const soapOp = child(bop, bns, 'operation');
        const style =
          (attr(soapOp ?? bop, 'style') ?? attr(soap, 'style') ?? 'document') === 'rpc' ? 'rpc' : 'document';
        const message = (direction: string): XmlElement | undefined => {
          const io = abstract && child(abstract, WSDL_NS, direction);
          const q = io && resolveQName(io, attr(io, 'message') ?? '');
          return q && messages.get(key(q.ns, q.local));
        };
        const bodyOf = (direction: string) => child(child(bop, WSDL_NS, direction) ?? bop, bns, 'body');
        const notes: string[] = [];
        if (attr(bodyOf('input') ?? bop, 'use') === 'encoded')
          notes.push(
            'The binding uses SOAP encoding, which Flowline does not write; the body is literal XML.',
          );
        const request =
          style === 'rpc'
            ? rpcRequest(
                name,
                message('input'),
                attr(bodyOf('input') ?? bop, 'namespace') ?? tns,
                schemas,
                notes,
              )
            : documentRequest(name, message('input'), schemas, notes);
        const repeated = new Set<string>();
        const output = message('output');
        for (const part of output ? children(output, WSDL_NS, 'part') : [])
          schemas.part(part, { repeated, notes: [], stack: [] });
        out.push({
          service: attr(service, 'name') ?? '',
          port: attr(port, 'name') ?? '',
          soapVersion: bns === SOAP12_BINDING ? '1.2' : '1.1',
          name,
          location: attr(child(port, bns, 'address') ?? port, 'location'),
          soapAction: attr(soapOp ?? bop, 'soapAction') ?? '',
          style,
          ...request,
          arrayElements: [...repeated].sort(),
          notes,
        });
      }
    }
  }
  if (out.length === 0) throw new WsdlError('The WSDL has no operation on a SOAP 1.1 or 1.2 port.');
  return out;
}

type Request = Pick<WsdlOperation, 'operation' | 'namespace' | 'elementForm' | 'body'>;

function documentRequest(
  name: string,
  message: XmlElement | undefined,
  schemas: Schemas,
  notes: string[],
): Request {
  const parts = message ? children(message, WSDL_NS, 'part') : [];
  const [part] = parts;
  if (part !== undefined && parts.length > 1)
    notes.push(`The input message has ${parts.length} parts; only '${attr(part, 'name') ?? ''}' is used.`);
  const ref = part && attr(part, 'element');
  if (part === undefined || ref === undefined) {
    notes.push('The input message names no element; the operation name is used as the Body element.');
    return { operation: name, namespace: '', elementForm: 'qualified', body: {} };
  }
  const q = resolveQName(part, ref);
  const decl = schemas.element(q.ns, q.local);
  if (decl === undefined) notes.push(notFound('element', q));
  const value = decl ? schemas.content(decl, { repeated: new Set(), notes, stack: [] }) : {};
  return {
    operation: q.local,
    namespace: q.ns ?? '',
    elementForm:
      decl && attr(decl.schema, 'elementFormDefault') === 'qualified' ? 'qualified' : 'unqualified',
    body: isObject(value) ? value : { '#text': value },
  };
}

function rpcRequest(
  name: string,
  message: XmlElement | undefined,
  namespace: string,
  schemas: Schemas,
  notes: string[],
): Request {
  const body: Record<string, Json> = {};
  for (const part of message ? children(message, WSDL_NS, 'part') : []) {
    body[attr(part, 'name') ?? 'part'] = schemas.part(part, { repeated: new Set(), notes, stack: [] });
  }
  return { operation: name, namespace, elementForm: 'unqualified', body };
}

/** What a walk collects: repeated element names, notes, and the named types being expanded. */
interface Walk {
  readonly repeated: Set<string>;
  readonly notes: string[];
  readonly stack: readonly string[];
}

const isObject = (v: Json): v is Record<string, Json> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const notFound = (what: string, q: { ns: string | undefined; local: string }): string =>
  `The ${what} ${key(q.ns, q.local)} is not in the WSDL's own types (imports are not followed).`;

class Schemas {
  private readonly elements = new Map<string, Decl>();
  private readonly types = new Map<string, Decl>();

  constructor(schemas: XmlElement[]) {
    for (const schema of schemas) {
      const tns = attr(schema, 'targetNamespace');
      for (const e of elements(schema).filter((x) => x.ns === XSD)) {
        if (e.local === 'element') this.elements.set(key(tns, attr(e, 'name') ?? ''), { el: e, schema });
        if (e.local === 'complexType' || e.local === 'simpleType')
          this.types.set(key(tns, attr(e, 'name') ?? ''), { el: e, schema });
      }
    }
  }

  element(ns: string | undefined, local: string): Decl | undefined {
    return this.elements.get(key(ns, local));
  }

  /** A message part: its element's content, or its type. */
  part(part: XmlElement, walk: Walk): Json {
    const element = attr(part, 'element');
    if (element === undefined) return this.typeRef(part, attr(part, 'type') ?? 'anyType', walk);
    const q = resolveQName(part, element);
    const decl = this.element(q.ns, q.local);
    if (decl === undefined) walk.notes.push(notFound('element', q));
    return decl ? this.content(decl, walk) : placeholder(q.local);
  }

  /** The JSON skeleton of an element declaration's content. */
  content(decl: Decl, walk: Walk): Json {
    const type = attr(decl.el, 'type');
    if (type !== undefined) return this.typeRef(decl.el, type, walk);
    const inline = elements(decl.el).find(
      (e) => e.ns === XSD && (e.local === 'complexType' || e.local === 'simpleType'),
    );
    if (inline === undefined) return '<anyType>';
    return inline.local === 'simpleType'
      ? simple(inline)
      : this.complex({ el: inline, schema: decl.schema }, walk);
  }

  private typeRef(at: XmlElement, qname: string, walk: Walk): Json {
    const q = resolveQName(at, qname);
    if (q.ns === XSD) return placeholder(q.local);
    const id = key(q.ns, q.local);
    const type = this.types.get(id);
    if (type === undefined) {
      walk.notes.push(notFound('type', q));
      return placeholder(q.local);
    }
    if (type.el.local === 'simpleType') return simple(type.el);
    // A type that contains itself (a tree) is shown once; deeper levels are left empty.
    if (walk.stack.includes(id) || walk.stack.length >= MAX_DEPTH) return {};
    return this.complex(type, { ...walk, stack: [...walk.stack, id] });
  }

  private complex(type: Decl, walk: Walk): Record<string, Json> {
    const out: Record<string, Json> = {};
    const visit = (el: XmlElement): void => {
      for (const e of elements(el).filter((x) => x.ns === XSD)) {
        if (['sequence', 'all', 'choice'].includes(e.local)) visit(e);
        else if (e.local === 'element') this.particle(e, type.schema, out, walk);
        else if (e.local === 'attribute') {
          const name = attr(e, 'name') ?? resolveQName(e, attr(e, 'ref') ?? '').local;
          const t = attr(e, 'type');
          out[`@${name}`] = t === undefined ? '<string>' : this.typeRef(e, t, walk);
        } else if (e.local === 'complexContent' || e.local === 'simpleContent') {
          const derivation = elements(e).find((x) => x.local === 'extension' || x.local === 'restriction');
          const base = derivation && attr(derivation, 'base');
          if (derivation !== undefined && base !== undefined) {
            const inherited = this.typeRef(derivation, base, walk);
            if (isObject(inherited)) Object.assign(out, inherited);
            else out['#text'] = inherited;
          }
          if (derivation !== undefined) visit(derivation);
        }
      }
    };
    visit(type.el);
    return out;
  }

  private particle(e: XmlElement, schema: XmlElement, out: Record<string, Json>, walk: Walk): void {
    const ref = attr(e, 'ref');
    const q = ref === undefined ? undefined : resolveQName(e, ref);
    const target = q ? this.element(q.ns, q.local) : { el: e, schema };
    const name = q?.local ?? attr(e, 'name') ?? '';
    const max = attr(e, 'maxOccurs');
    const many = max !== undefined && (max === 'unbounded' || Number(max) > 1);
    if (many) walk.repeated.add(name);
    if (q !== undefined && target === undefined) walk.notes.push(notFound('element', q));
    // An element that refers to itself (directly or not) is shown once, as for named types.
    const id = q === undefined ? undefined : `element ${key(q.ns, q.local)}`;
    const value =
      target === undefined || (id !== undefined && walk.stack.includes(id))
        ? {}
        : this.content(target, id === undefined ? walk : { ...walk, stack: [...walk.stack, id] });
    out[name] = many ? [value] : value;
  }
}

const placeholder = (type: string): string => `<${type}>`;

/** A simple type's placeholder: its enumeration (`<EUR|USD>`) or its base type (`<string>`). */
function simple(type: XmlElement): string {
  const restriction = elements(type).find((e) => e.local === 'restriction');
  if (restriction === undefined) return placeholder(attr(type, 'name') ?? 'string');
  const values = elements(restriction)
    .filter((e) => e.local === 'enumeration')
    .map((e) => attr(e, 'value') ?? '');
  if (values.length > 0) return `<${values.join('|')}>`;
  const base = attr(restriction, 'base');
  return placeholder(base === undefined ? 'string' : resolveQName(restriction, base).local);
}

export interface SkeletonOptions {
  /** Write the endpoint as `@{appsetting('<name>')}` instead of the WSDL's address. */
  readonly uriSetting?: string;
}

/**
 * One Soap action per operation, keyed by the operation name; when several ports offer the same
 * operation (a SOAP 1.1 and a 1.2 binding), the later ones are keyed `<operation>_<port>`.
 */
export function actionSkeletons(
  operations: readonly WsdlOperation[],
  options: SkeletonOptions = {},
): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const op of operations) {
    const name = Object.hasOwn(out, op.name) ? `${op.name}_${op.port}` : op.name;
    const inputs: Record<string, Json> = {
      uri:
        options.uriSetting !== undefined
          ? `@{appsetting('${options.uriSetting}')}`
          : (op.location ?? '<endpoint URL>'),
      soapVersion: op.soapVersion,
      operation: op.operation,
      namespace: op.namespace,
      soapAction: op.soapAction,
      ...(op.elementForm === 'unqualified' ? { elementForm: 'unqualified' } : {}),
      body: op.body,
      ...(op.arrayElements.length > 0 ? { arrayElements: [...op.arrayElements] } : {}),
    };
    const about = `${op.service}.${op.port}: ${op.name} (SOAP ${op.soapVersion}, ${op.style}/literal).`;
    Object.defineProperty(out, name, {
      value: { type: 'Soap', description: [about, ...op.notes].join(' '), inputs, runAfter: {} },
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  return out;
}
