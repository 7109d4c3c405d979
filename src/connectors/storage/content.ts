/**
 * Blob content in and out, with the Http connector's conventions: a string is text, a
 * `{"$content-type", "$content"}` envelope is base64 binary, anything else is JSON; downloads are
 * decoded by content type (JSON parsed, text in its charset, other types as a base64 envelope).
 */
import { z } from 'zod';
import type { Json } from '../activity';
import { TerminalError } from '../errors';
import { decodeResponse } from '../http/decode';

export interface EncodedContent {
  readonly body: Buffer;
  readonly contentType: string;
}

const envelope = z.object({ '$content-type': z.string().optional(), $content: z.string() });

export function encodeContent(content: unknown, contentType: string | undefined): EncodedContent {
  if (content === undefined) {
    throw new TerminalError(
      'InvalidConnectorInput',
      "inputs.content: expected the blob's content (text, JSON or a $content envelope), found nothing.",
    );
  }
  if (typeof content === 'string') {
    return { body: Buffer.from(content, 'utf8'), contentType: contentType ?? 'text/plain; charset=utf-8' };
  }
  const binary = envelope.safeParse(content);
  if (binary.success) {
    const base64 = binary.data.$content;
    if (!/^[A-Za-z0-9+/_-]*={0,2}$/.test(base64.replace(/\s/g, ''))) {
      throw new TerminalError(
        'InvalidConnectorInput',
        'inputs.content.$content: expected base64 text, found characters outside the base64 alphabet.',
      );
    }
    return {
      body: Buffer.from(base64, 'base64'),
      contentType: contentType ?? binary.data['$content-type'] ?? 'application/octet-stream',
    };
  }
  return {
    body: Buffer.from(JSON.stringify(content), 'utf8'),
    contentType: contentType ?? 'application/json',
  };
}

/** Downloaded bytes as a WDL value, decoded by `contentType` exactly as Http response bodies are. */
export function decodeContent(body: Buffer, contentType: string | undefined): Json {
  const decoded = decodeResponse({
    statusCode: 200,
    headers: contentType === undefined ? {} : { 'content-type': contentType },
    body,
  }).body;
  return decoded;
}

/**
 * Blob metadata: names must be C# identifiers and values ASCII (they travel as HTTP headers).
 * Numbers and booleans are written as text.
 */
export const metadataInput = z
  .record(
    z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, {
      error: 'expected a name of letters, digits and underscores that does not start with a digit',
    }),
    z.union([z.string(), z.number(), z.boolean()]).transform(String),
  )
  .superRefine((metadata, ctx) => {
    for (const [key, value] of Object.entries(metadata)) {
      if (!/^[\x20-\x7e]*$/.test(value)) {
        ctx.addIssue({
          code: 'custom',
          path: [key],
          message: 'expected printable ASCII text (metadata travels in HTTP headers), found other characters',
        });
      }
    }
  });

/** A date from the SDK as ISO text (or null). */
export function iso(date: Date | undefined): string | null {
  return date === undefined ? null : date.toISOString();
}
