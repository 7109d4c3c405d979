/** RFC 7807 problem details, as ASP.NET Core answers errors the app itself did not produce. */
import type { ServerResponse } from 'node:http';

const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc9110#section-15.5.1',
  401: 'https://tools.ietf.org/html/rfc9110#section-15.5.2',
  404: 'https://tools.ietf.org/html/rfc9110#section-15.5.5',
  413: 'https://tools.ietf.org/html/rfc9110#section-15.5.14',
  500: 'https://tools.ietf.org/html/rfc9110#section-15.6.1',
  503: 'https://tools.ietf.org/html/rfc9110#section-15.6.4',
};
const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  404: 'Not Found',
  413: 'Payload Too Large',
  500: 'An error occurred while processing your request.',
  503: 'Service Unavailable',
};

export function sendProblem(res: ServerResponse, status: number, detail?: string): void {
  const body = JSON.stringify({
    type: TYPES[status] ?? 'about:blank',
    title: TITLES[status] ?? 'Error',
    status,
    ...(detail === undefined ? {} : { detail }),
  });
  if (res.headersSent) {
    res.end();
    return;
  }
  res.writeHead(status, {
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
  });
  res.end(body);
}
