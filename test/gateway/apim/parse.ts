/** Policy XML parsed into a small tree (fast-xml-parser, entities decoded), for the policy tests. */
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface Node {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly children: readonly Node[];
  readonly text: string;
}

type Raw = Record<string, unknown>;

/** Parses a document (entities decoded); throws when it is not well-formed XML. */
export function parsePolicy(xml: string): Node {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed: ${valid.err.msg} (line ${valid.err.line})`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    parseTagValue: false,
    parseAttributeValue: false,
    trimValues: false,
  });
  const [root] = (parser.parse(xml) as Raw[]).map(toNode).filter((n) => n.name !== '#text');
  if (root === undefined) throw new Error('empty document');
  return root;
}

function toNode(raw: Raw): Node {
  const name = Object.keys(raw).find((k) => k !== ':@') ?? '';
  const content = raw[name];
  if (name === '#text') return { name, attributes: {}, children: [], text: String(content) };
  const nodes = (Array.isArray(content) ? (content as Raw[]) : []).map(toNode);
  return {
    name,
    attributes: (raw[':@'] ?? {}) as Record<string, string>,
    children: nodes.filter((n) => n.name !== '#text'),
    text: nodes
      .filter((n) => n.name === '#text')
      .map((n) => n.text)
      .join(''),
  };
}
