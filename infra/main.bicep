// Flowline on Azure: the workflows in a Flex Consumption Function App, behind API Management.
// azd runs `flowline apim --out infra/apim` before provisioning (azure.yaml), so the API definition
// and policies loaded by modules/apim-api.bicep match the workflows being deployed.
// Step by step, and what was and was not verified: docs/deploy.md.
targetScope = 'subscription'

@minLength(1)
@maxLength(48)
@description('azd environment name: names the resource group and tags every resource.')
param environmentName string

@minLength(1)
@description('Region of every resource.')
param location string

@description('Object id of whoever deploys: gets Key Vault Secrets Officer and Certificates Officer to store workflow secrets and the custom-domain certificate. Empty: none.')
param principalId string = ''

@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('API Management publisher e-mail (required by APIM).')
param publisherEmail string

param publisherName string = 'Flowline'

@description('API Management tier. Not Consumption: rate-limit-by-key is not available there.')
@allowed(['Developer', 'Basic', 'Standard', 'Premium', 'BasicV2', 'StandardV2'])
param apimSku string = 'BasicV2'

@description('Path of the API on the gateway: https://<gateway>/<apiPath>/workflows/...')
param apiPath string = 'flowline'

@description('Entra ID tenant that issues the callers\' tokens (named value entra-tenant-id).')
param entraTenantId string = tenant().tenantId

@description('Token audience: the API app registration\'s client id, or its App ID URI for v1 tokens (named value entra-audience).')
param entraAudience string

@description('Client id of the application allowed to call (named value entra-client-app-id).')
param entraClientAppId string

@description('Browser origin CORS allows, or * (named value cors-origin).')
param corsOrigin string = '*'

@description('Azure DNS zone to create for the custom domain, e.g. contoso.com. Empty: no DNS resources.')
param dnsZoneName string = ''

@description('Host label of the API in that zone: <apiHostLabel>.<dnsZoneName>.')
param apiHostLabel string = 'api'

@description('Custom host name when DNS is hosted elsewhere; default <apiHostLabel>.<dnsZoneName>.')
param customDomainName string = ''

@description('Versionless Key Vault secret id of the custom domain\'s certificate. Empty: the domain is not bound yet.')
param customDomainCertificateSecretId string = ''

@description('App settings the workflows read with appsetting(), name to value.')
param workflowAppSettings object = {}

@description('App settings holding secrets: each becomes a Key Vault reference to the secret named like it with _ as -.')
param workflowSecretSettings array = []

@description('Storage connections the workflows name ("connection"): each uses this app\'s storage account with its identity.')
param storageConnections array = []

@description('FLOWLINE_RESPONSE_TIMEOUT_SECONDS: how long a trigger call waits for the Response action.')
param responseTimeoutSeconds int = 120

@description('Mail address for the failed-runs and slow-runs alerts (modules/alerts.bicep); empty: no alerts.')
param alertEmail string = ''

var token = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var apimName = 'apim-${token}'
var customDomain = !empty(customDomainName) ? customDomainName : (empty(dnsZoneName) ? '' : '${apiHostLabel}.${dnsZoneName}')

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: 'rg-${environmentName}'
  location: location
  tags: tags
}

module monitoring 'modules/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: { name: token, location: location, tags: tags, alertEmail: alertEmail }
}

module storage 'modules/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: { name: 'st${token}', location: location, tags: tags }
}

module keyVault 'modules/keyvault.bicep' = {
  name: 'keyvault'
  scope: rg
  params: { name: 'kv-${token}', location: location, tags: tags }
}

module functionApp 'modules/functionapp.bicep' = {
  name: 'functionapp'
  scope: rg
  params: {
    name: 'func-${token}'
    location: location
    tags: tags
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsName: monitoring.outputs.appInsightsName
    keyVaultName: keyVault.outputs.name
    workflowAppSettings: workflowAppSettings
    workflowSecretSettings: workflowSecretSettings
    storageConnections: storageConnections
    responseTimeoutSeconds: responseTimeoutSeconds
  }
}

module dns 'modules/dns.bicep' = if (!empty(dnsZoneName)) {
  name: 'dns'
  scope: rg
  params: {
    zoneName: dnsZoneName
    recordName: apiHostLabel
    gatewayHostName: '${apimName}.azure-api.net'
    tags: tags
  }
}

module apim 'modules/apim.bicep' = {
  name: 'apim'
  scope: rg
  params: {
    name: apimName
    location: location
    tags: tags
    sku: apimSku
    publisherEmail: publisherEmail
    publisherName: publisherName
    customDomain: empty(customDomainCertificateSecretId) ? '' : customDomain
    certificateSecretId: customDomainCertificateSecretId
  }
  dependsOn: [dns]
}

module roles 'modules/roles.bicep' = {
  name: 'roles'
  scope: rg
  params: {
    storageAccountName: storage.outputs.name
    keyVaultName: keyVault.outputs.name
    functionPrincipalId: functionApp.outputs.principalId
    apimPrincipalId: apim.outputs.principalId
    deployerPrincipalId: principalId
    deployerPrincipalType: principalType
  }
}

module functionKey 'modules/function-key.bicep' = {
  name: 'function-key'
  scope: rg
  params: { keyVaultName: keyVault.outputs.name, functionAppName: functionApp.outputs.name }
  dependsOn: [roles]
}

module api 'modules/apim-api.bicep' = {
  name: 'apim-api'
  scope: rg
  params: {
    apimName: apim.outputs.name
    apiPath: apiPath
    functionAppUrl: 'https://${functionApp.outputs.defaultHostName}/api'
    functionKeySecretUri: functionKey.outputs.secretUri
    entraTenantId: entraTenantId
    entraAudience: entraAudience
    entraClientAppId: entraClientAppId
    corsOrigin: corsOrigin
  }
  dependsOn: [roles]
}

module diagnostics 'modules/diagnostics.bicep' = {
  name: 'diagnostics'
  scope: rg
  params: { workspaceId: monitoring.outputs.workspaceId, functionAppName: functionApp.outputs.name, apimName: apim.outputs.name, keyVaultName: keyVault.outputs.name, storageAccountName: storage.outputs.name }
}

output AZURE_LOCATION string = location
output AZURE_RESOURCE_GROUP string = rg.name
output FUNCTION_APP_NAME string = functionApp.outputs.name
output KEY_VAULT_NAME string = keyVault.outputs.name
output APIM_NAME string = apim.outputs.name
output API_GATEWAY_URL string = '${apim.outputs.gatewayUrl}/${apiPath}'
output API_CUSTOM_DOMAIN_URL string = empty(customDomain) ? '' : 'https://${customDomain}/${apiPath}'
output DNS_NAME_SERVERS array = empty(dnsZoneName) ? [] : dns!.outputs.nameServers
