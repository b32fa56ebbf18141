// The case silo's row rules over one sp_bj row, exactly as shared/src/quality/rules.ts
// defines them. A field is "empty" when NULL or only spaces (textOf: btrim semantics);
// codes are compared trimmed. Timestamps are compared in SQL (microsecond precision, no
// rounding through JS Dates) and arrive as booleans.
import { ApplicantKind, CaseStatus, textOf, validateCreditCode, validateIdNumber, type ScanTally } from "@onceonly/shared";

/**
 * The columns the rules read; $2 is the start of the report day in China. CASE_OVERDUE:
 * "past its promised completion time" as of the report day = cnbjsj < asOf 00:00 +08:00,
 * i.e. the promise ran out before the report day began. Promised times are the end of a
 * working day (23:59:59.999 +08:00), so a case due on day D is overdue from D+1 on.
 */
export const CASE_SCAN_COLUMNS =
  "bjbh, sxbm, sqrzjhm, sqrxm, sqrlx, zt, slsj IS NOT NULL AS accepted, bjsj IS NOT NULL AS completed, " +
  "cnbjsj IS NOT NULL AS promised, cnbjsj < $2 AS past_promise";

export interface CaseScanRow extends Record<string, unknown> {
  bjbh: string;
  sxbm: string | null;
  sqrzjhm: string | null;
  sqrxm: string | null;
  sqrlx: string | null;
  zt: string | null;
  accepted: boolean;
  completed: boolean;
  promised: boolean;
  past_promise: boolean | null;
}

const PERSON = ApplicantKind.encode("PERSON");
const ORGANIZATION = ApplicantKind.encode("ORGANIZATION");
const COMPLETED = CaseStatus.encode("COMPLETED");
/** 受理, 承办, 审核, 退回补正: open with the clock running (not 不予受理, 特别程序 or 办结). */
const RUNNING: ReadonlySet<string> = new Set((["ACCEPTED", "PROCESSING", "REVIEWING", "RETURNED_FOR_CORRECTION"] as const).map((v) => CaseStatus.encode(v)));

export function checkCase(row: CaseScanRow, today: Date, tally: ScanTally): void {
  const key = row.bjbh;
  const matter = textOf(row.sxbm);
  const code = textOf(row.sqrzjhm);
  const name = textOf(row.sqrxm);
  const kind = textOf(row.sqrlx);
  const status = textOf(row.zt);

  // 事项编码、申请人证件号码、申请人姓名、申请人类型、受理时间、状态 — any empty fails.
  tally.check("CASE_REQUIRED", key, matter === null || code === null || name === null || kind === null || !row.accepted || status === null);
  if (status !== null) tally.check("CASE_STATUS_CODE", key, !CaseStatus.has(status));

  // The standard follows the applicant kind: 1 自然人 GB 11643, 2 法人 GB 32100. A pilot-era
  // credit code (well formed, wrong check character) is legal, so it passes here; only
  // LIC_CREDIT_CODE, which says so, counts it. A kind outside the table names no
  // standard, so the code is not checked.
  if (code !== null && kind === PERSON) tally.check("CASE_APPLICANT_CODE", key, !validateIdNumber(code, today).ok);
  if (code !== null && kind === ORGANIZATION) tally.check("CASE_APPLICANT_CODE", key, !validateCreditCode(code).ok);

  if (status === COMPLETED) tally.check("CASE_COMPLETED_NO_TIME", key, !row.completed);
  if (status !== null && RUNNING.has(status) && row.promised) tally.check("CASE_OVERDUE", key, row.past_promise === true);
}
