/**
 * The gateway's own answers, as RFC 9457 problem details. Bodies are fixed texts: they never carry
 * a stack, a key id, a library message or any part of the presented token. Why a request was refused
 * goes to the log only.
 */
import type { ServerResponse } from 'node:http';

export type Refusal =
  | 'missing-token'
  | 'invalid-token'
  | 'token-in-query'
  | 'forbidden'
  | 'origin-not-allowed'
  | 'issuer-unavailable'
  | 'upstream-failed'
  | 'bad-request'
  | 'gateway-failed';

interface Problem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
}

const RFC9110 = 'https://tools.ietf.org/html/rfc9110#section-';

export const PROBLEMS: Readonly<Record<Refusal, Problem>> = {
  'missing-token': {
    type: `${RFC9110}15.5.2`,
    title: 'Unauthorized',
    status: 401,
    detail: 'Send a bearer token in the Authorization header.',
  },
  'invalid-token': {
    type: `${RFC9110}15.5.2`,
    title: 'Unauthorized',
    status: 401,
    detail: 'The bearer token is not valid.',
  },
  'token-in-query': {
    type: `${RFC9110}15.5.2`,
    title: 'Unauthorized',
    status: 401,
    detail: 'Send the token in the Authorization header, never in the URL.',
  },
  forbidden: {
    type: `${RFC9110}15.5.4`,
    title: 'Forbidden',
    status: 403,
    detail: 'The token does not grant access to this operation.',
  },
  'origin-not-allowed': {
    type: `${RFC9110}15.5.4`,
    title: 'Forbidden',
    status: 403,
    detail: 'This origin may not call the API from a browser.',
  },
  'issuer-unavailable': {
    type: `${RFC9110}15.6.4`,
    title: 'Service Unavailable',
    status: 503,
    detail: 'Tokens cannot be checked right now; try again later.',
  },
  'bad-request': {
    type: `${RFC9110}15.5.1`,
    title: 'Bad Request',
    status: 400,
    detail: 'The request URL is not valid.',
  },
  'gateway-failed': {
    type: `${RFC9110}15.6.1`,
    title: 'Internal Server Error',
    status: 500,
    detail: 'The gateway could not handle the request.',
  },
  'upstream-failed': {
    type: `${RFC9110}15.6.3`,
    title: 'Bad Gateway',
    status: 502,
    detail: 'The host did not answer.',
  },
};

/** RFC 6750 challenges for the 401/403 answers. */
const CHALLENGES: Partial<Record<Refusal, string>> = {
  'missing-token': 'Bearer',
  'invalid-token': 'Bearer error="invalid_token"',
  'token-in-query': 'Bearer error="invalid_request"',
  forbidden: 'Bearer error="insufficient_scope"',
};

export function tooManyRequests(retryAfterSeconds: number): Problem {
  return {
    type: 'https://tools.ietf.org/html/rfc6585#section-4',
    title: 'Too Many Requests',
    status: 429,
    detail: `Too many requests; try again in ${retryAfterSeconds} s.`,
  };
}

export function contentTooLarge(limit: number): Problem {
  return {
    type: `${RFC9110}15.5.14`,
    title: 'Content Too Large',
    status: 413,
    detail: `The request body is larger than the limit of ${limit} bytes.`,
  };
}

export function refuse(res: ServerResponse, refusal: Refusal, headers: Record<string, string> = {}): void {
  const challenge = CHALLENGES[refusal];
  sendProblem(res, PROBLEMS[refusal], {
    ...headers,
    ...(challenge === undefined ? {} : { 'www-authenticate': challenge }),
  });
}

export function sendProblem(
  res: ServerResponse,
  problem: Problem,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) {
    res.destroy();
    return;
  }
  const body = JSON.stringify(problem);
  res.writeHead(problem.status, {
    ...headers,
    'content-type': 'application/problem+json; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-store',
  });
  res.end(body);
}
