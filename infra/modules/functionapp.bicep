// The Function App on Flex Consumption (Linux, Node 20) with a system-assigned identity.
param name string
param location string
param tags object
param storageAccountName string
param deploymentContainerUrl string
param appInsightsName string
param keyVaultName string
param workflowAppSettings object
param workflowSecretSettings array
param storageConnections array
param responseTimeoutSeconds int

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: 'plan-${name}'
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { tier: 'FlexConsumption', name: 'FC1' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: union(tags, { 'azd-service-name': 'api' })
  kind: 'functionapp,linux'
  identity: { type: 'SystemAssigned' }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: { type: 'SystemAssignedIdentity' }
        }
      }
      scaleAndConcurrency: { maximumInstanceCount: 40, instanceMemoryMB: 2048 }
      runtime: { name: 'node', version: '20' }
    }
  }
}

// What Flowline and the Functions host read (test/infra/app-settings.test.ts checks this block
// against the code). FUNCTIONS_WORKER_RUNTIME and FUNCTIONS_EXTENSION_VERSION are not app settings
// on Flex Consumption: functionAppConfig.runtime sets them.
var appSettings = {
  AzureWebJobsStorage__accountName: storageAccountName
  AzureWebJobsStorage__credential: 'managedidentity'
  APPLICATIONINSIGHTS_CONNECTION_STRING: appInsights.properties.ConnectionString
  AzureWebJobsDisableHomepage: 'true'
  FLOWLINE_WORKFLOWS_DIR: 'workflows'
  FLOWLINE_RESPONSE_TIMEOUT_SECONDS: string(responseTimeoutSeconds)
}

// Workflow secrets resolve through Key Vault references with the app's identity.
var secretSettings = toObject(
  workflowSecretSettings,
  setting => setting,
  setting => '@Microsoft.KeyVault(VaultName=${keyVaultName};SecretName=${replace(setting, '_', '-')})'
)

// A workflow's storage connection `X` becomes `X__accountName`: this account, with the app's identity.
var connectionSettings = toObject(storageConnections, connection => '${connection}__accountName', connection => storageAccountName)

resource settings 'Microsoft.Web/sites/config@2024-04-01' = {
  parent: site
  name: 'appsettings'
  properties: union(workflowAppSettings, connectionSettings, secretSettings, appSettings)
}

output name string = site.name
output principalId string = site.identity.principalId
output defaultHostName string = site.properties.defaultHostName
