/**
 * A linear pre-scan of XML text for the two shapes that make parsers slow or recursive code
 * overflow: elements nested too deep and attribute values too long. It runs before the parser, so a
 * hostile document is refused in milliseconds. It is not a validator: malformed text passes through
 * to the parser, which reports it.
 */

/** Deepest element nesting accepted (the SOAP connector uses the same). */
export const MAX_XML_DEPTH = 200;
/** Longest attribute value accepted, in characters. */
export const MAX_XML_ATTRIBUTE_LENGTH = 1024 * 1024;

/** What is wrong with the document's shape, as a sentence, or undefined. */
export function xmlShapeProblem(text: string, maxDepth = MAX_XML_DEPTH): string | undefined {
  let depth = 0;
  let i = text.indexOf('<');
  while (i !== -1 && i < text.length) {
    const next = text[i + 1];
    if (text.startsWith('<!--', i)) i = after(text, '-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = after(text, ']]>', i + 9);
    else if (next === '?' || next === '!') i = after(text, '>', i + 2);
    else if (next === '/') {
      depth--;
      i = after(text, '>', i + 2);
    } else {
      const tag = scanTag(text, i + 1);
      if (tag.longest > MAX_XML_ATTRIBUTE_LENGTH)
        return `an attribute value is ${tag.longest} characters long; the limit is ${MAX_XML_ATTRIBUTE_LENGTH}.`;
      if (!tag.selfClosing && ++depth > maxDepth)
        return `elements are nested deeper than ${maxDepth} levels.`;
      i = tag.end;
    }
    i = text.indexOf('<', i);
  }
  return undefined;
}

function after(text: string, marker: string, from: number): number {
  const at = text.indexOf(marker, from);
  return at === -1 ? text.length : at + marker.length;
}

/** Reads a start tag up to its `>` (quotes respected): where it ends, whether `/>`, longest value. */
function scanTag(text: string, from: number): { end: number; selfClosing: boolean; longest: number } {
  let longest = 0;
  for (let i = from; i < text.length; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      const close = text.indexOf(c, i + 1);
      if (close === -1) return { end: text.length, selfClosing: false, longest: text.length - i };
      longest = Math.max(longest, close - i - 1);
      i = close;
    } else if (c === '>') return { end: i + 1, selfClosing: text[i - 1] === '/', longest };
  }
  return { end: text.length, selfClosing: false, longest };
}
