// Role assignments: the Function App on its storage (host, Durable Functions, deployment package,
// workflow storage connections) and on Key Vault secrets; API Management on Key Vault secrets
// (function key, certificate); optionally the deployer, to store secrets and the certificate.
param storageAccountName string
param keyVaultName string
param functionPrincipalId string
param apimPrincipalId string
param deployerPrincipalId string
param deployerPrincipalType string

// Built-in role ids: https://learn.microsoft.com/azure/role-based-access-control/built-in-roles
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var keyVaultSecretsUser = '4633458b-17de-408a-b874-0445c86b69e6'
var keyVaultSecretsOfficer = 'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'
var keyVaultCertificatesOfficer = 'a4417e6f-fecd-4de8-b567-7b0420556985'

resource storage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: storageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' existing = {
  name: keyVaultName
}

resource functionOnStorage 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
    scope: storage
    name: guid(storage.id, functionPrincipalId, role)
    properties: {
      principalId: functionPrincipalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]

resource secretsUsers 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for principalId in [functionPrincipalId, apimPrincipalId]: {
    scope: vault
    name: guid(vault.id, principalId, keyVaultSecretsUser)
    properties: {
      principalId: principalId
      principalType: 'ServicePrincipal'
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', keyVaultSecretsUser)
    }
  }
]

resource deployer 'Microsoft.Authorization/roleAssignments@2022-04-01' = [
  for role in (empty(deployerPrincipalId) ? [] : [keyVaultSecretsOfficer, keyVaultCertificatesOfficer]): {
    scope: vault
    name: guid(vault.id, deployerPrincipalId, role)
    properties: {
      principalId: deployerPrincipalId
      principalType: deployerPrincipalType
      roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
    }
  }
]
