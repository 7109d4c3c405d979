// Log Analytics, a workspace-based Application Insights, and alerts on the run metrics when an
// address to mail them to is given.
param name string
param location string
param tags object
param alertEmail string = ''

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${name}'
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: 30
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${name}'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
  }
}

module alerts 'alerts.bicep' = if (!empty(alertEmail)) {
  name: 'alerts'
  params: { name: name, location: location, tags: tags, appInsightsName: appInsights.name, alertEmail: alertEmail }
}

output workspaceId string = workspace.id
output appInsightsName string = appInsights.name
