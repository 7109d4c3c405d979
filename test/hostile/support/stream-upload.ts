/**
 * Streams a large request body in chunks (no Content-Length, so the host cannot refuse it up
 * front) and returns the response, even when the server answers and closes before the upload ends.
 */
import { request } from 'node:http';

export interface UploadResult {
  readonly status: number;
  readonly contentType: string | undefined;
  readonly body: string;
  readonly sentBytes: number;
}

export function streamUpload(
  url: string,
  totalBytes: number,
  headers: Record<string, string> = {},
): Promise<UploadResult> {
  const chunk = Buffer.alloc(1024 * 1024, 0x20); // spaces: valid JSON whitespace, never a body
  return new Promise((resolve, reject) => {
    let sent = 0;
    let answered = false;
    const req = request(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers } });
    req.on('response', (res) => {
      answered = true;
      const parts: Buffer[] = [];
      res.on('data', (c: Buffer) => parts.push(c));
      res.on('end', () =>
        resolve({
          status: res.statusCode ?? 0,
          contentType: res.headers['content-type'],
          body: Buffer.concat(parts).toString('utf8'),
          sentBytes: sent,
        }),
      );
    });
    // Once the server has answered 413 and closed, writes fail with EPIPE or ECONNRESET: expected.
    req.on('error', (error) => {
      if (!answered) reject(error);
    });
    const pump = (): void => {
      while (sent < totalBytes && !answered && !req.destroyed) {
        const size = Math.min(chunk.length, totalBytes - sent);
        sent += size;
        if (!req.write(size === chunk.length ? chunk : chunk.subarray(0, size))) {
          req.once('drain', pump);
          return;
        }
      }
      if (!answered && !req.destroyed) req.end();
    };
    pump();
  });
}
