/**
 * RFC 9457 problem details for the errors API Management raises itself (the `on-error` section), in
 * the shape the Function App uses for its own: `type`, `title`, `status`, `detail`, plus `traceId`.
 * Policies allowed in on-error: https://learn.microsoft.com/azure/api-management/api-management-error-handling-policies
 */
import { el, type XmlElement } from './xml';

/** The status, title and detail of each error APIM raises itself, as problem details. */
export function problemOnError(retryAfterVariable: string): XmlElement {
  const lastError = 'context.LastError.Message';
  const unreachable = csharp('The workflow API could not be reached.');
  const branches: [string, number, string, string, XmlElement[]][] = [
    [
      'context.LastError.Source.StartsWith("validate-") && context.LastError.Scope == "operation"',
      403,
      'Forbidden',
      lastError,
      [],
    ],
    [
      'context.LastError.Source.StartsWith("validate-")',
      401,
      'Unauthorized',
      lastError,
      [
        el(
          'set-header',
          { name: 'WWW-Authenticate', 'exists-action': 'override' },
          el('value', {}, 'Bearer'),
        ),
      ],
    ],
    [
      'context.LastError.Reason == "RateLimitExceeded"',
      429,
      'Too Many Requests',
      lastError,
      [
        el(
          'set-header',
          { name: 'Retry-After', 'exists-action': 'override' },
          el(
            'value',
            {},
            `@(context.Variables.GetValueOrDefault<object>("${retryAfterVariable}", 1).ToString())`,
          ),
        ),
      ],
    ],
    ['context.LastError.Reason == "BackendConnectionFailure"', 502, 'Bad Gateway', unreachable, []],
    ['context.LastError.Reason == "Timeout"', 504, 'Gateway Timeout', unreachable, []],
  ];
  return el(
    'choose',
    {},
    ...branches.map(([condition, status, title, detail, headers]) =>
      el('when', { condition: `@(${condition})` }, problemResponse(status, title, detail, headers)),
    ),
    el(
      'otherwise',
      {},
      problemResponse(500, 'Internal Server Error', csharp('The gateway failed to process the request.'), []),
    ),
  );
}

export function problemResponse(
  status: number,
  title: string,
  detail: string,
  headers: XmlElement[],
): XmlElement {
  const body =
    `@(new JObject(new JProperty("type", "about:blank"), new JProperty("title", "${title}"), ` +
    `new JProperty("status", ${status}), new JProperty("detail", ${detail}), ` +
    `new JProperty("traceId", context.RequestId.ToString())).ToString())`;
  return el(
    'return-response',
    {},
    el('set-status', { code: status, reason: title }),
    ...headers,
    el(
      'set-header',
      { name: 'Content-Type', 'exists-action': 'override' },
      el('value', {}, 'application/problem+json'),
    ),
    el('set-body', {}, body),
  );
}

/** A C# string literal for a policy expression. */
export function csharp(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ')}"`;
}
