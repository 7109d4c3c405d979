/**
 * A workflow that pushes a SecureString parameter through every error path a caller can steer: an
 * Http action whose method, path and header come from the request body (the secret rides in the
 * Authorization header, a query parameter and the body), an expression that fails on the secret,
 * a Soap action that sends it as a WS-Security password, and a Response that returns every action as
 * the run saw it, errors included.
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
      Soap_call: {
        type: 'Soap',
        inputs: {
          uri: "@{appsetting('BACKEND_URL')}@{coalesce(triggerBody()?['soapPath'], '/soap-fault')}",
          operation: "@{coalesce(triggerBody()?['operation'], 'Convert')}",
          namespace: 'http://flowline.example/hostile',
          body: { q: "@{triggerBody()?['q']}" },
          wsSecurity: { username: 'u', password: "@parameters('token')", passwordType: 'PasswordText' },
          retryPolicy: { type: 'none' },
        },
        runAfter: { Convert: ['Succeeded', 'Failed', 'Skipped', 'TimedOut'] },
      },
      Reply: {
        type: 'Response',
        kind: 'Http',
        inputs: {
          statusCode: 200,
          body: { call: "@actions('Call')", convert: "@actions('Convert')", soap: "@actions('Soap_call')" },
        },
        runAfter: { Soap_call: ['Succeeded', 'Failed', 'Skipped', 'TimedOut'] },
      },
    },
  },
  kind: 'Stateful',
};
