// sp_bj row → CaseRecord, shared by the by-number and by-applicant reads.
import { ApplicantKind, CaseResult, CaseStatus, Evaluation, UNRECOGNIZED, UnreachableCaseError } from "@onceonly/shared";
import type { ApplicantRef, CaseRecord } from "./records.js";

export const CASE_COLUMNS = "b.bjbh, b.sxbm, b.sqrzjhm, b.sqrxm, b.sqrlx, b.slsj, b.slck, b.cnbjsj, b.zt, b.bjsj, b.bjjg, b.mydpj, b.pjsj, b.pjnr";

export interface CaseRow {
  bjbh: string;
  sxbm: string;
  sqrzjhm: string | null;
  sqrxm: string | null;
  sqrlx: string | null;
  slsj: Date | null;
  slck: string | null;
  cnbjsj: Date | null;
  zt: string | null;
  bjsj: Date | null;
  bjjg: string | null;
  mydpj: string | null;
  pjsj: Date | null;
  pjnr: string | null;
  [column: string]: unknown;
}

export function toCase(row: CaseRow): CaseRecord {
  const at = (column: string) => ({ column: `sp_bj.${column}`, bjbh: row.bjbh });
  return {
    number: row.bjbh,
    matterCode: row.sxbm,
    applicant: toApplicant(row.sqrlx, row.sqrzjhm, at("sqrlx")),
    applicantName: row.sqrxm,
    acceptedAt: row.slsj,
    window: row.slck,
    promisedBy: row.cnbjsj,
    status: CaseStatus.decode(row.zt, at("zt")),
    completedAt: row.bjsj,
    result: CaseResult.decode(row.bjjg, at("bjjg")),
    evaluation: Evaluation.decode(row.mydpj, at("mydpj")),
    evaluatedAt: row.pjsj,
    evaluationComment: row.pjnr,
  };
}

// Private: the applicant's key is stored as written; an unknown kind (logged once by the
// code table) yields no applicant rather than a guess between person and organisation.
function toApplicant(sqrlx: string | null, id: string | null, context: Record<string, unknown>): ApplicantRef | null {
  const kind = ApplicantKind.decode(sqrlx, context);
  const key = id?.trim();
  if (!key || kind === null || kind === UNRECOGNIZED) return null;
  switch (kind) {
    case "PERSON":
      return { idNumber: key.toUpperCase() };
    case "ORGANIZATION":
      return { creditCode: key.toUpperCase() };
    default:
      throw new UnreachableCaseError(kind);
  }
}
