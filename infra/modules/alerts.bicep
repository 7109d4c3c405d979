// Alerts on the run metrics Flowline sends to Application Insights (docs/operations.md, "Alerts"):
// a failed run, and runs that take far longer than usual. Both mail the operators' address.
param name string
param location string
param tags object
param appInsightsName string
param alertEmail string

@description('A run slower than this (ms, p95 over 15 minutes) raises the slow-runs alert.')
param slowRunMs int = 60000

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource operators 'Microsoft.Insights/actionGroups@2023-01-01' = {
  name: 'ag-${name}'
  location: 'global'
  tags: tags
  properties: {
    groupShortName: 'flowline'
    enabled: true
    emailReceivers: [{ name: 'operators', emailAddress: alertEmail, useCommonAlertSchema: true }]
  }
}

resource failedRuns 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-${name}-failed-runs'
  location: location
  tags: tags
  properties: {
    displayName: 'Flowline: failed runs'
    description: 'At least one run of a workflow failed in the last 5 minutes (metric flowline.runs.failed).'
    severity: 2
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT5M'
    windowSize: 'PT5M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "flowline.runs.failed" | extend workflow = tostring(customDimensions["flowline.workflow"]) | summarize failed = sum(valueSum) by workflow'
          timeAggregation: 'Total'
          metricMeasureColumn: 'failed'
          dimensions: [{ name: 'workflow', operator: 'Include', values: ['*'] }]
          operator: 'GreaterThan'
          threshold: 0
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [operators.id] }
  }
}

resource slowRuns 'Microsoft.Insights/scheduledQueryRules@2023-03-15-preview' = {
  name: 'alert-${name}-slow-runs'
  location: location
  tags: tags
  properties: {
    displayName: 'Flowline: slow runs'
    description: 'The slowest runs of a workflow took longer than ${slowRunMs} ms over 15 minutes (metric flowline.run.duration).'
    severity: 3
    enabled: true
    scopes: [appInsights.id]
    evaluationFrequency: 'PT15M'
    windowSize: 'PT15M'
    criteria: {
      allOf: [
        {
          query: 'customMetrics | where name == "flowline.run.duration" | extend workflow = tostring(customDimensions["flowline.workflow"]) | summarize slowest = max(valueMax) by workflow'
          timeAggregation: 'Maximum'
          metricMeasureColumn: 'slowest'
          dimensions: [{ name: 'workflow', operator: 'Include', values: ['*'] }]
          operator: 'GreaterThan'
          threshold: slowRunMs
          failingPeriods: { numberOfEvaluationPeriods: 1, minFailingPeriodsToAlert: 1 }
        }
      ]
    }
    actions: { actionGroups: [operators.id] }
  }
}
