// The app's storage account: the Functions host and Durable Functions (blobs, queues, tables),
// the Flex Consumption deployment package, and the workflows' storage connections. Identity only:
// shared keys are off.
param name string
param location string
param tags object

var packageContainer = 'app-package'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: 'Standard_LRS' }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }

  resource blobs 'blobServices' = {
    name: 'default'

    resource package 'containers' = {
      name: packageContainer
      properties: { publicAccess: 'None' }
    }
  }
}

output name string = storage.name
output deploymentContainerUrl string = '${storage.properties.primaryEndpoints.blob}${packageContainer}'
