// Optional: an Azure DNS zone with the API host's CNAME to the APIM gateway. Delegate the zone at
// the registrar (output nameServers) before binding the custom domain: APIM checks that the name
// resolves publicly. No apimuid TXT record: that is for APIM's free managed certificate, which the
// v2 tiers do not offer; this template binds a Key Vault certificate instead.
param zoneName string
param recordName string
param gatewayHostName string
param tags object

resource zone 'Microsoft.Network/dnsZones@2018-05-01' = {
  name: zoneName
  location: 'global'
  tags: tags
}

resource gateway 'Microsoft.Network/dnsZones/CNAME@2018-05-01' = {
  parent: zone
  name: recordName
  properties: {
    TTL: 3600
    CNAMERecord: { cname: gatewayHostName }
  }
}

output nameServers array = zone.properties.nameServers
