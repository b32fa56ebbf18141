// The case silo's adapters, one per entity family, over one Silo.
import type { Silo } from "@onceonly/shared";
import { AcceptanceSource } from "./acceptance.source.js";
import { ApplicantCasesSource } from "./applicant-cases.source.js";
import { BundlesSource } from "./bundles.source.js";
import type { CasesCache } from "./cases.cache.js";
import { CasesSource } from "./cases.source.js";
import { LifecycleSource } from "./lifecycle.source.js";
import { MattersSource } from "./matters.source.js";
import { ReadinessSource } from "./readiness.source.js";
import { SharingStatsSource } from "./sharing-stats.source.js";
import { CasesQualityScan } from "../quality/cases-scan.js";
import { QualityCasesSource } from "../quality/federated/quality-cases.source.js";

export interface CasesSources {
  matters: MattersSource;
  cases: CasesSource;
  applicantCases: ApplicantCasesSource;
  readiness: ReadinessSource;
  sharingStats: SharingStatsSource;
  lifecycle: LifecycleSource;
  acceptance: AcceptanceSource;
  bundles: BundlesSource;
  /** The CASE_* data quality scan of the silo itself (never `cache`). */
  quality: CasesQualityScan;
  /** The steward's paged reads for the cross-silo quality checks (the silo itself, never `cache`). */
  federatedQuality: QualityCasesSource;
  /** The entity cache behind the loaders (undefined = none); the write paths drop what they change. */
  cache?: CasesCache;
}

export function createSources(silo: Silo, cache?: CasesCache): CasesSources {
  return {
    cache,
    matters: new MattersSource(silo),
    cases: new CasesSource(silo),
    applicantCases: new ApplicantCasesSource(silo),
    readiness: new ReadinessSource(silo),
    sharingStats: new SharingStatsSource(silo),
    lifecycle: new LifecycleSource(silo, cache),
    acceptance: new AcceptanceSource(silo, cache),
    bundles: new BundlesSource(silo),
    quality: new CasesQualityScan(silo),
    federatedQuality: new QualityCasesSource(silo),
  };
}

export type * from "./records.js";
export type * from "./readiness-record.js";
export type { ApplicantCasesQuery } from "./applicant-cases.source.js";
export type { CaseCursor } from "./case-cursor.js";
export { decodeCaseCursor, encodeCaseCursor } from "./case-cursor.js";
export { RegistryColumn, type RegistryFieldValue } from "./registry-fields.js";
export { CASES_NAMESPACES, caseChangeKeys, forgetCaseKeys, type CasesCache } from "./cases.cache.js";
