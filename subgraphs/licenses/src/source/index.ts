// The licence silo's adapter: everything that knows a dzzz_ table or a legacy code.
import type { Silo } from "@onceonly/shared";
import { EvidenceSource } from "./evidence.source.js";
import { LicenseTypesSource } from "./license-types.source.js";
import type { LicensesCache } from "./licenses.cache.js";
import { LicensesSource } from "./licenses.source.js";
import { OrganizationsSource } from "./organizations.source.js";
import { UsageSource } from "./usage.source.js";
import { VerificationSource } from "./verification.source.js";
import { LicensesQualityScan } from "../quality/licenses-scan.js";
import { createFederatedQualitySources, type FederatedQualitySources } from "../quality/federated/sources.js";

export * from "./records.js";
export { LicensesSource, type TypeAndNumber } from "./licenses.source.js";
export { LicenseTypesSource } from "./license-types.source.js";
export { OrganizationsSource } from "./organizations.source.js";
export * from "./usage.record.js";
export { UsageSource, type UsagePage, type UsagePageRequest } from "./usage.source.js";
export { VerificationSource } from "./verification.source.js";
export { EvidenceSource, type PullRule } from "./evidence.source.js";
export * from "./licenses.cache.js";

export interface LicensesSources {
  licenses: LicensesSource;
  licenseTypes: LicenseTypesSource;
  organizations: OrganizationsSource;
  /** Reads the silo itself, never `cache`: verification must not be stale. */
  verification: VerificationSource;
  /** Pull-once lookups with their usage records; the silo itself, never `cache`. */
  evidence: EvidenceSource;
  usage: UsageSource;
  /** The LIC_* data quality scan of the silo itself (never `cache`). */
  quality: LicensesQualityScan;
  /** The steward's paged reads for the cross-silo quality checks (the silo itself, never `cache`). */
  federatedQuality: FederatedQualitySources;
  /** The entity cache behind the loaders (undefined = none); the source also drops entries it writes. */
  cache?: LicensesCache;
}

export function createSources(silo: Silo, cache?: LicensesCache): LicensesSources {
  return {
    cache,
    licenses: new LicensesSource(silo, cache),
    licenseTypes: new LicenseTypesSource(silo),
    organizations: new OrganizationsSource(silo),
    verification: new VerificationSource(silo),
    evidence: new EvidenceSource(silo),
    usage: new UsageSource(silo),
    quality: new LicensesQualityScan(silo),
    federatedQuality: createFederatedQualitySources(silo),
  };
}
