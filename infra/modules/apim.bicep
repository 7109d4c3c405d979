// The API Management instance with a system-assigned identity (it reads the function key and the
// custom domain's certificate from Key Vault). The custom domain is bound only once its
// certificate is given: the identity must exist, and hold Key Vault Secrets User, first.
param name string
param location string
param tags object
param sku string
param publisherEmail string
param publisherName string

@description('Custom gateway host name; empty: only <name>.azure-api.net.')
param customDomain string

@description('Versionless Key Vault secret id of its certificate (ignored without customDomain).')
param certificateSecretId string

resource apim 'Microsoft.ApiManagement/service@2024-05-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: sku, capacity: 1 }
  identity: { type: 'SystemAssigned' }
  properties: {
    publisherEmail: publisherEmail
    publisherName: publisherName
    hostnameConfigurations: empty(customDomain)
      ? null
      : [
          {
            type: 'Proxy'
            hostName: customDomain
            certificateSource: 'KeyVault'
            keyVaultId: certificateSecretId
            defaultSslBinding: true
            negotiateClientCertificate: false
          }
        ]
  }
}

output name string = apim.name
output principalId string = apim.identity.principalId
output gatewayUrl string = apim.properties.gatewayUrl
