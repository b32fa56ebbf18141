// The case silo's adapters, one per entity family, over one Silo.
import type { Silo } from "@onceonly/shared";
import { ApplicantCasesSource } from "./applicant-cases.source.js";
import { CasesSource } from "./cases.source.js";
import { MattersSource } from "./matters.source.js";
import { ReadinessSource } from "./readiness.source.js";

export interface CasesSources {
  matters: MattersSource;
  cases: CasesSource;
  applicantCases: ApplicantCasesSource;
  readiness: ReadinessSource;
}

export function createSources(silo: Silo): CasesSources {
  return {
    matters: new MattersSource(silo),
    cases: new CasesSource(silo),
    applicantCases: new ApplicantCasesSource(silo),
    readiness: new ReadinessSource(silo),
  };
}

export type * from "./records.js";
export type * from "./readiness-record.js";
export type { ApplicantCasesQuery } from "./applicant-cases.source.js";
export type { CaseCursor } from "./case-cursor.js";
export { decodeCaseCursor, encodeCaseCursor } from "./case-cursor.js";
export { RegistryColumn, type RegistryFieldValue } from "./registry-fields.js";
