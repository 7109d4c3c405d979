/**
 * JSON to XML the way Logic Apps' `xml()` converts an object (Json.NET `DeserializeXmlNode`):
 * the object must have exactly one root property that is not an array; `@name` properties become
 * attributes, `#text` text, `?xml` the declaration, arrays repeated elements, null an empty element.
 */
import { isJsonObject, type JsonObject, type JsonValue } from '../values';

export class JsonToXmlError extends Error {}

const escapeText = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s: string): string => escapeText(s).replace(/"/g, '&quot;');
const NAME = /^[A-Za-z_][\w.-]*(:[A-Za-z_][\w.-]*)?$/;

function scalar(value: JsonValue): string {
  if (value === null) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  throw new JsonToXmlError('a value here must be a string, number, boolean or null.');
}

function checkName(name: string): string {
  if (!NAME.test(name)) throw new JsonToXmlError(`'${name}' is not a valid XML element or attribute name.`);
  return name;
}

function element(name: string, value: JsonValue): string {
  if (Array.isArray(value)) return value.map((item) => element(name, item)).join('');
  checkName(name);
  if (!isJsonObject(value)) {
    const text = scalar(value);
    return value === null ? `<${name} />` : `<${name}>${escapeText(text)}</${name}>`;
  }
  let attributes = '';
  let content = '';
  for (const [key, child] of Object.entries(value)) {
    if (key.startsWith('@')) attributes += ` ${checkName(key.slice(1))}="${escapeAttr(scalar(child))}"`;
    else if (key === '#text') content += escapeText(scalar(child));
    else if (key === '#cdata-section') content += `<![CDATA[${scalar(child)}]]>`;
    else if (key === '#comment') content += `<!--${scalar(child)}-->`;
    else content += element(key, child);
  }
  return content === '' ? `<${name}${attributes} />` : `<${name}${attributes}>${content}</${name}>`;
}

function declaration(value: JsonValue): string {
  if (!isJsonObject(value)) return '<?xml version="1.0"?>';
  const parts = Object.entries(value)
    .filter(([k]) => k.startsWith('@'))
    .map(([k, v]) => `${k.slice(1)}="${escapeAttr(scalar(v))}"`);
  return `<?xml ${parts.join(' ')}?>`;
}

export function jsonToXml(value: JsonObject): string {
  const entries = Object.entries(value);
  const head = entries.filter(([k]) => k === '?xml').map(([, v]) => declaration(v));
  const roots = entries.filter(([k]) => !k.startsWith('?') && k !== '$schema');
  if (roots.length !== 1)
    throw new JsonToXmlError(
      `the JSON object has ${roots.length} root properties (${roots.map(([k]) => `'${k}'`).join(', ')}); XML needs exactly one root element, so wrap them in one property such as {"root": {...}}.`,
    );
  const [name, root] = roots[0] ?? ['', null];
  if (Array.isArray(root))
    throw new JsonToXmlError(
      `the root property '${name}' is an array; XML needs a single root element, so wrap it: {"root": {"${name}": [...]}}.`,
    );
  return head.join('') + element(name, root);
}
