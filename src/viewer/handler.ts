/**
 * `GET /api/viewer/{*path}`: the run viewer, three static files (page, script, style) served from
 * strings compiled into the app. The page reads only the run API, so the same files work as a static
 * site pointed at a deployed Function App (`?api=`).
 */
import type { HttpRequest, HttpResponseInit } from '@azure/functions';
import { VIEWER_SCRIPT } from './script';
import { VIEWER_PAGE, VIEWER_STYLE } from './page';

/** Scripts and styles only from the files below; no inline script, no inline event handlers. */
export const VIEWER_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

const FILES: Readonly<Record<string, { readonly type: string; readonly body: string }>> = {
  '': { type: 'text/html; charset=utf-8', body: VIEWER_PAGE },
  'index.html': { type: 'text/html; charset=utf-8', body: VIEWER_PAGE },
  'app.js': { type: 'text/javascript; charset=utf-8', body: VIEWER_SCRIPT },
  'app.css': { type: 'text/css; charset=utf-8', body: VIEWER_STYLE },
};

export function serveViewer(request: HttpRequest): HttpResponseInit {
  const path = (request.params['path'] ?? '').replace(/^\/+/, '');
  const url = new URL(request.url);
  // The page loads `app.js` relative to itself: `/api/viewer` must become `/api/viewer/`.
  if (path === '' && !url.pathname.endsWith('/'))
    return { status: 301, headers: { location: `${url.pathname}/${url.search}` } };
  const file = Object.hasOwn(FILES, path) ? FILES[path] : undefined;
  if (!file) {
    return {
      status: 404,
      headers: { 'content-type': 'text/plain; charset=utf-8', 'x-content-type-options': 'nosniff' },
      body: `The run viewer has no file '${path}'.`,
    };
  }
  return {
    status: 200,
    headers: {
      'content-type': file.type,
      'content-security-policy': VIEWER_CSP,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-cache',
    },
    body: file.body,
  };
}
