// The workflow API on API Management: named values, the API imported from the generated OpenAPI
// document, and the generated policies. Everything under ../apim is written by
// `flowline apim --out infra/apim`; test/infra checks this file against it.
param apimName string
param apiPath string
param functionAppUrl string
param functionKeySecretUri string
param entraTenantId string
param entraAudience string
param entraClientAppId string
param corsOrigin string

resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {
  name: apimName
}

// Every named value the policies may use (../apim/named-values.json lists those they do use).
var plainValues = {
  'cors-origin': corsOrigin
  'entra-audience': entraAudience
  'entra-client-app-id': entraClientAppId
  'entra-tenant-id': entraTenantId
  'function-app-url': functionAppUrl
}

resource plain 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = [
  for item in items(plainValues): {
    parent: apim
    name: item.key
    properties: { displayName: item.key, value: item.value, secret: false }
  }
]

resource functionKey 'Microsoft.ApiManagement/service/namedValues@2024-05-01' = {
  parent: apim
  name: 'function-key'
  properties: {
    displayName: 'function-key'
    secret: true
    keyVault: { secretIdentifier: functionKeySecretUri }
  }
}

resource api 'Microsoft.ApiManagement/service/apis@2024-05-01' = {
  parent: apim
  name: 'flowline'
  properties: {
    displayName: 'Flowline workflows'
    path: apiPath
    protocols: ['https']
    subscriptionRequired: false
    serviceUrl: functionAppUrl
    format: 'openapi+json'
    value: loadTextContent('../apim/openapi.json')
  }
}

resource apiPolicy 'Microsoft.ApiManagement/service/apis/policies@2024-05-01' = {
  parent: api
  name: 'policy'
  properties: { format: 'xml', value: loadTextContent('../apim/policies/api.xml') }
  dependsOn: [plain, functionKey]
}

// One entry per operation whose trigger has an authorization block ({operationId, policy}).
var operationPolicies = loadJsonContent('../apim/operation-policies.json')

resource operations 'Microsoft.ApiManagement/service/apis/operations@2024-05-01' existing = [
  for item in operationPolicies: {
    parent: api
    name: item.operationId
  }
]

resource operationPolicy 'Microsoft.ApiManagement/service/apis/operations/policies@2024-05-01' = [
  for (item, i) in operationPolicies: {
    parent: operations[i]
    name: 'policy'
    properties: { format: 'xml', value: item.policy }
    dependsOn: [apiPolicy]
  }
]
