// Diagnostic settings: resource logs and metrics of every resource to the Log Analytics workspace.
param workspaceId string
param functionAppName string
param apimName string
param keyVaultName string
param storageAccountName string

var logs = [{ categoryGroup: 'allLogs', enabled: true }]
var metrics = [{ category: 'AllMetrics', enabled: true }]
var settingName = 'to-log-analytics'

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName
}

resource apim 'Microsoft.ApiManagement/service@2024-05-01' existing = {
  name: apimName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName

  resource blobs 'blobServices' existing = {
    name: 'default'
  }
  resource queues 'queueServices' existing = {
    name: 'default'
  }
  resource tables 'tableServices' existing = {
    name: 'default'
  }
}

resource siteLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: site
  name: settingName
  properties: { workspaceId: workspaceId, logs: logs, metrics: metrics }
}

resource apimLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: apim
  name: settingName
  properties: { workspaceId: workspaceId, logs: logs, metrics: metrics }
}

resource vaultLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: vault
  name: settingName
  properties: { workspaceId: workspaceId, logs: logs, metrics: metrics }
}

// The account itself has metrics only; its services have the logs.
resource storageMetrics 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: storage
  name: settingName
  properties: { workspaceId: workspaceId, metrics: [{ category: 'Transaction', enabled: true }] }
}

resource blobLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: storage::blobs
  name: settingName
  properties: { workspaceId: workspaceId, logs: logs, metrics: [{ category: 'Transaction', enabled: true }] }
}

resource queueLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: storage::queues
  name: settingName
  properties: { workspaceId: workspaceId, logs: logs, metrics: [{ category: 'Transaction', enabled: true }] }
}

resource tableLogs 'Microsoft.Insights/diagnosticSettings@2021-05-01-preview' = {
  scope: storage::tables
  name: settingName
  properties: { workspaceId: workspaceId, logs: logs, metrics: [{ category: 'Transaction', enabled: true }] }
}
