/**
 * Safe XML parsing. Any DOCTYPE is refused before parsing, so no internal or external entity can
 * be declared: no XXE (file or network reads) and no entity expansion bombs ("billion laughs").
 * Logic Apps refuses DTD processing the same way.
 */
import { DOMParser, type Document } from '@xmldom/xmldom';
import { xmlShapeProblem } from './xml-shape';

export class XmlError extends Error {}

export function parseXml(text: string): Document {
  if (/<!DOCTYPE/i.test(text))
    throw new XmlError(
      'the XML has a DOCTYPE declaration. DTDs are not allowed (they enable external entity and entity expansion attacks); remove the <!DOCTYPE ...> declaration.',
    );
  if (/<!ENTITY/i.test(text))
    throw new XmlError('the XML declares an entity; entity declarations are not allowed.');
  const shape = xmlShapeProblem(text);
  if (shape !== undefined) throw new XmlError(`the XML is refused: ${shape}`);
  let problem: string | undefined;
  const parser = new DOMParser({
    onError: (level, message) => {
      if (level === 'warning') return;
      problem ??= message.trim();
      throw new XmlError(problem);
    },
  });
  let doc: Document;
  try {
    doc = parser.parseFromString(text, 'text/xml');
  } catch (error) {
    const reason = problem ?? (error instanceof Error ? error.message : String(error));
    throw new XmlError(`the XML is not well-formed: ${reason}`);
  }
  if (doc.documentElement === null) throw new XmlError('the XML has no root element.');
  return doc;
}
