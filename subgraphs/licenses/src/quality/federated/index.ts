// The licences' side of the cross-silo quality checks run through the gateway
// (scripts/src/quality/engine/): the paged licence holders with their check, and the
// LicenseHolding entity.
export { licenseHoldingReference } from "./license-holding.reference.js";
export { LicenseHolding } from "./license-holding.type.js";
export { QualityHolderCheckResolver, QualityLicenseHoldersResolver } from "./quality-holders.resolver.js";
export { createFederatedQualitySources, type FederatedQualitySources } from "./sources.js";
