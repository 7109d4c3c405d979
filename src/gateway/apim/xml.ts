/**
 * A tiny XML writer for API Management policy documents: elements, attributes in the order given,
 * text, two-space indentation, and escaping of every attribute value and text node. Policy
 * expressions (`@(...)`, `@{...}`) are ordinary text here, so their quotes and `<`, `>`, `&` are
 * escaped too; APIM decodes them when it parses the document (policy format `xml`).
 */

export interface XmlElement {
  readonly name: string;
  readonly attributes: readonly (readonly [string, string])[];
  readonly children: readonly XmlElement[];
  readonly text?: string;
}

type Attributes = Record<string, string | number | boolean | undefined>;

/** An element; `undefined` attribute values are left out, children may be elements or one text. */
export function el(
  name: string,
  attributes: Attributes = {},
  ...content: (XmlElement | string)[]
): XmlElement {
  const children = content.filter((c): c is XmlElement => typeof c !== 'string');
  const texts = content.filter((c): c is string => typeof c === 'string');
  if (texts.length > 0 && children.length > 0) throw new Error(`<${name}> mixes text and elements.`);
  return {
    name,
    attributes: Object.entries(attributes).flatMap(([k, v]) =>
      v === undefined ? [] : [[k, String(v)] as const],
    ),
    children,
    ...(texts.length > 0 ? { text: texts.join('') } : {}),
  };
}

export function escapeText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(value: string): string {
  return escapeText(value)
    .replace(/"/g, '&quot;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;')
    .replace(/\t/g, '&#9;');
}

export function renderXml(root: XmlElement): string {
  return `${render(root, 0)}\n`;
}

function render(node: XmlElement, depth: number): string {
  const pad = '  '.repeat(depth);
  const attrs = node.attributes.map(([k, v]) => ` ${k}="${escapeAttribute(v)}"`).join('');
  if (node.text !== undefined) return `${pad}<${node.name}${attrs}>${escapeText(node.text)}</${node.name}>`;
  if (node.children.length === 0) return `${pad}<${node.name}${attrs} />`;
  const inner = node.children.map((c) => render(c, depth + 1)).join('\n');
  return `${pad}<${node.name}${attrs}>\n${inner}\n${pad}</${node.name}>`;
}
