/**
 * A workflow that pushes a SecureString parameter through every error path a caller can steer: an
 * Http action whose method, path and header come from the request body (the secret rides in the
 * Authorization header, a query parameter and the body), an expression that fails on the secret,
 * and a Response that returns both actions as the run saw them, errors included.
 */
export const SECRET_PARAMETERS = {
  token: { type: 'SecureString', value: "@appsetting('HOSTILE_SECRET')" },
};

export const SECRET_WORKFLOW = {
  definition: {
    parameters: { token: { type: 'SecureString' } },
    triggers: { manual: { type: 'Request', kind: 'Http' } },
    actions: {
      Call: {
        type: 'Http',
        inputs: {
          method: "@{coalesce(triggerBody()?['method'], 'POST')}",
          uri: "@{appsetting('BACKEND_URL')}@{coalesce(triggerBody()?['path'], '/')}",
          headers: {
            authorization: "Bearer @{parameters('token')}",
            'x-extra': "@{coalesce(triggerBody()?['header'], 'x')}",
          },
          queries: { key: "@parameters('token')" },
          body: { echo: '@triggerBody()', secret: "@parameters('token')" },
          retryPolicy: { type: 'none' },
        },
      },
      Convert: {
        type: 'Compose',
        inputs: "@int(concat(parameters('token'), triggerBody()?['suffix']))",
        runAfter: { Call: ['Succeeded', 'Failed', 'Skipped', 'TimedOut'] },
      },
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: { statusCode: 200, body: { call: "@actions('Call')", convert: "@actions('Convert')" } },
        runAfter: { Convert: ['Succeeded', 'Failed', 'Skipped', 'TimedOut'] },
      },
    },
  },
  kind: 'Stateful',
};
