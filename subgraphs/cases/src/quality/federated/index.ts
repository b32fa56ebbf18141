// The case silo's side of the cross-silo quality checks run through the gateway
// (scripts/src/quality/engine/): paged person applicants with their check, and handed-over materials.
export { QualityApplicantCheckResolver, QualityCaseApplicantsResolver, QualityHandedOverMaterialsResolver } from "./quality-cases.resolver.js";
export { CasesLicenseHolding } from "./quality-cases.type.js";
export { QualityCasesSource } from "./quality-cases.source.js";
