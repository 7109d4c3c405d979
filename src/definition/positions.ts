/**
 * Maps JSON paths (and offsets inside string values) to 1-based line/column in the file text,
 * using the syntax tree of `jsonc-parser`.
 */
import { findNodeAtLocation, type Node } from 'jsonc-parser';
import type { JsonPath } from './diagnostic';

export interface Position {
  readonly line: number;
  readonly column: number;
}

export class PositionMapper {
  private readonly lineStarts: number[] = [0];
  constructor(
    private readonly text: string,
    private readonly root: Node | undefined,
  ) {
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  /** Line and column of a text offset. */
  atOffset(offset: number): Position {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if ((this.lineStarts[mid] ?? 0) <= offset) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, column: offset - (this.lineStarts[low] ?? 0) + 1 };
  }

  /**
   * Position of the deepest existing node on `path`: the property key when the node is an
   * object member (so `runAfter/Parse` points at `"Parse"`), else the value. With
   * `expressionOffset`, the character at that offset inside the string value instead.
   */
  at(path: JsonPath, expressionOffset?: number): Position | undefined {
    if (this.root === undefined) return undefined;
    for (let length = path.length; length >= 0; length--) {
      const node = findNodeAtLocation(this.root, [...path.slice(0, length)]);
      if (node === undefined) continue;
      if (expressionOffset !== undefined && length === path.length && node.type === 'string') {
        return this.atOffset(this.offsetInString(node, expressionOffset));
      }
      const anchor = node.parent?.type === 'property' ? node.parent : node;
      return this.atOffset(anchor.offset);
    }
    return undefined;
  }

  /** File offset of the decoded character `index` of a string node, stepping over escapes. */
  private offsetInString(node: Node, index: number): number {
    let raw = node.offset + 1;
    for (let decoded = 0; decoded < index && raw < node.offset + node.length - 1; decoded++) {
      if (this.text[raw] === '\\') raw += this.text[raw + 1] === 'u' ? 6 : 2;
      else raw++;
    }
    return raw;
  }
}
