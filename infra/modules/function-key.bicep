// Copies the Function App's default function key into Key Vault as `function-key`, where the APIM
// named value of the same name reads it. The key never appears in a template output or policy.
param keyVaultName string
param functionAppName string

resource site 'Microsoft.Web/sites@2024-04-01' existing = {
  name: functionAppName

  resource host 'host' existing = {
    name: 'default'
  }
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName

  resource functionKey 'secrets' = {
    name: 'function-key'
    properties: {
      value: site::host.listKeys().functionKeys.default
      contentType: 'Azure Functions function key (x-functions-key) for API Management'
    }
  }
}

output secretUri string = '${vault.properties.vaultUri}secrets/function-key'
