/**
 * Safe XML reading for SOAP responses and WSDL files. Before anything is parsed, the text is scanned
 * for markup declarations: a DOCTYPE (and with it every entity, external or not) is refused, so there
 * is no entity expansion (billion laughs) and nothing is ever fetched or read from disk (XXE). Only
 * the five predefined entities and character references are decoded; any other `&name;` is refused.
 *
 * The result is a namespace-aware element tree (`XmlElement`): each element and attribute knows its
 * local name and namespace URI, so callers match on namespaces, never on the prefixes a sender chose.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { xmlShapeProblem } from '../../expressions/functions/xml-shape';

export interface XmlAttribute {
  readonly name: string;
  readonly local: string;
  readonly ns: string | undefined;
  readonly value: string;
}

export interface XmlElement {
  readonly name: string;
  readonly local: string;
  readonly ns: string | undefined;
  readonly attributes: readonly XmlAttribute[];
  /** Element children and text (entities decoded, CDATA kept as is) in document order. */
  readonly children: readonly (XmlElement | string)[];
  /** The prefixes in scope (`''` is the default namespace), for QName values such as `tns:Convert`. */
  readonly scope: ReadonlyMap<string, string>;
}

/** Why the text was not read: `refused` (DTD, entity) or `invalid` (not well-formed). */
export class XmlError extends Error {
  constructor(
    readonly kind: 'refused' | 'invalid',
    message: string,
  ) {
    super(message);
  }
}

/** Deepest element nesting accepted; deeper documents are refused rather than risking the stack. */
export const MAX_DEPTH = 200;

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

type Node = Record<string, unknown>;

const parser = new XMLParser({
  preserveOrder: true,
  ignoreAttributes: false,
  attributeNamePrefix: '',
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  processEntities: false,
  htmlEntities: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  cdataPropName: '#cdata',
  maxNestedTags: MAX_DEPTH,
  // Every name gets a `$` (which no XML name starts with) so the parser never refuses or renames
  // names such as `constructor` or `toString`; `unmark` takes it off again.
  transformTagName: (name) => `$${name}`,
  transformAttributeName: (name) => `$${name}`,
});

const unmark = (name: string): string => name.replace(/^\$+/, '');

/** Parses `text` (what it is is named in errors, e.g. "the SOAP response") into its root element. */
export function parseXml(text: string, what: string): XmlElement {
  refuseDeclarations(text, what);
  // Depth is checked below with the parser's own limit; this pre-scan refuses huge attribute
  // values, which the validator and parser would otherwise spend seconds on.
  const shape = xmlShapeProblem(text, Infinity);
  if (shape !== undefined) throw new XmlError('refused', `${what} is refused: ${shape}`);
  const valid = XMLValidator.validate(text);
  if (valid !== true) {
    throw new XmlError(
      'invalid',
      `${what} is not well-formed XML: ${valid.err.msg} (line ${valid.err.line}, column ${valid.err.col}).`,
    );
  }
  let nodes: Node[];
  try {
    nodes = parser.parse(text) as Node[];
  } catch (error) {
    const message = (error as Error).message;
    if (/nested tags/i.test(message)) throw deep(what);
    throw new XmlError('invalid', `${what} could not be read: ${message}.`);
  }
  const roots = nodes.filter((node) => elementName(node) !== undefined);
  const [root] = roots;
  if (root === undefined || roots.length > 1) {
    throw new XmlError('invalid', `${what}: expected one root element, found ${roots.length}.`);
  }
  return toElement(root, new Map([['xml', XML_NS]]), what, 1);
}

/**
 * Refuses `<!DOCTYPE`, `<!ENTITY` and every other markup declaration outside comments and CDATA
 * sections, before any parser sees the text.
 */
function refuseDeclarations(text: string, what: string): void {
  let at = text.indexOf('<!');
  while (at !== -1) {
    if (text.startsWith('<!--', at)) {
      const end = text.indexOf('-->', at + 4);
      if (end === -1) return; // unterminated: the validator reports it
      at = text.indexOf('<!', end + 3);
    } else if (text.startsWith('<![CDATA[', at)) {
      const end = text.indexOf(']]>', at + 9);
      if (end === -1) return;
      at = text.indexOf('<!', end + 3);
    } else {
      const keyword = /^<!\s*([A-Za-z]*)/.exec(text.slice(at, at + 20))?.[1] ?? '';
      throw new XmlError(
        'refused',
        `${what} contains a <!${keyword}> declaration at line ${lineOf(text, at)}: DTDs and entity declarations are refused (XXE and entity expansion).`,
      );
    }
  }
}

const deep = (what: string): XmlError =>
  new XmlError(
    'refused',
    `${what} nests elements deeper than ${MAX_DEPTH} levels; deeper documents are refused.`,
  );

const lineOf = (text: string, index: number): number => text.slice(0, index).split('\n').length;

const elementName = (node: Node): string | undefined =>
  Object.keys(node).find((key) => key !== ':@' && key !== '#text' && key !== '#cdata');

function toElement(
  node: Node,
  parentScope: ReadonlyMap<string, string>,
  what: string,
  depth: number,
): XmlElement {
  if (depth > MAX_DEPTH) throw deep(what);
  const marked = elementName(node) ?? '';
  const name = unmark(marked);
  const raw: Record<string, string> = {};
  for (const [key, value] of Object.entries((node[':@'] ?? {}) as Record<string, string>)) {
    Object.defineProperty(raw, unmark(key), { value, enumerable: true });
  }
  const declared = Object.entries(raw)
    .filter(([key]) => key === 'xmlns' || key.startsWith('xmlns:'))
    .map(([key, value]): [string, string] => [
      key === 'xmlns' ? '' : key.slice(6),
      decodeEntities(value, what),
    ]);
  const scope: ReadonlyMap<string, string> =
    declared.length === 0 ? parentScope : new Map([...parentScope, ...declared]);
  const attributes: XmlAttribute[] = [];
  for (const [key, value] of Object.entries(raw)) {
    if (key === 'xmlns' || key.startsWith('xmlns:')) continue;
    const { prefix, local } = split(key);
    // Unprefixed attributes are in no namespace (the default namespace does not apply to them).
    attributes.push({
      name: key,
      local,
      ns: prefix === '' ? undefined : namespaceOf(prefix, scope, what),
      value: decodeEntities(value, what),
    });
  }
  const children: (XmlElement | string)[] = [];
  for (const child of (node[marked] ?? []) as Node[]) {
    if (typeof child['#text'] === 'string') children.push(decodeEntities(child['#text'], what));
    else if (Array.isArray(child['#cdata']))
      children.push(((child['#cdata'] as Node[])[0]?.['#text'] as string | undefined) ?? '');
    else if (elementName(child) !== undefined) children.push(toElement(child, scope, what, depth + 1));
  }
  const { prefix, local } = split(name);
  const ns = prefix === '' ? scope.get('') || undefined : namespaceOf(prefix, scope, what);
  return { name, local, ns, attributes, children, scope };
}

function split(name: string): { prefix: string; local: string } {
  const colon = name.indexOf(':');
  return colon === -1
    ? { prefix: '', local: name }
    : { prefix: name.slice(0, colon), local: name.slice(colon + 1) };
}

function namespaceOf(prefix: string, scope: ReadonlyMap<string, string>, what: string): string {
  const ns = scope.get(prefix);
  if (ns === undefined)
    throw new XmlError('invalid', `${what} uses the prefix '${prefix}', which is not declared.`);
  return ns;
}

/** Resolves a QName value (`tns:Convert`) against an element's scope: `{ns, local}`. */
export function resolveQName(element: XmlElement, qname: string): { ns: string | undefined; local: string } {
  const { prefix, local } = split(qname.trim());
  return { ns: element.scope.get(prefix) || undefined, local };
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(text: string, what: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&([^;&\s]*);?/g, (whole, ref: string) => {
    const predefined = PREDEFINED[ref];
    if (predefined !== undefined && whole.endsWith(';')) return predefined;
    const code = /^#x([0-9a-fA-F]{1,6})$/.exec(ref)?.[1] ?? /^#([0-9]{1,7})$/.exec(ref)?.[1];
    if (code !== undefined && whole.endsWith(';')) {
      const point = ref.startsWith('#x') ? parseInt(code, 16) : parseInt(code, 10);
      if (point > 0 && point <= 0x10ffff) return String.fromCodePoint(point);
    }
    throw new XmlError(
      'refused',
      `${what} uses the entity '${whole}', which is not one of the predefined XML entities; entities are refused.`,
    );
  });
}

/** Element children only. */
export const elements = (element: XmlElement): XmlElement[] =>
  element.children.filter((c): c is XmlElement => typeof c !== 'string');

/** The concatenated text directly inside `element`. */
export const textOf = (element: XmlElement): string =>
  element.children.filter((c): c is string => typeof c === 'string').join('');
