// The registry's row rules over one current person (rk_jbxx, zxrq IS NULL), exactly as
// shared/src/quality/rules.ts defines them. A field is "empty" when NULL or only spaces
// (textOf: btrim semantics, as the SQL phases see it); codes and dates are checked
// trimmed. REG_DUPLICATE_PERSON's denominator is counted here, its failures in SQL.
import {
  compactDateToIso,
  Ethnicity,
  isKnownRegion,
  MaritalStatus,
  Sex,
  textOf,
  validateIdNumber,
  type ScanTally,
} from "@onceonly/shared";

/** The columns of rk_jbxx the rules read, nothing more. */
export const PERSON_SCAN_COLUMNS = "rkbh, gmsfhm, xm, xb, mz, csrq, hh, hyzk, ssxq";

export interface PersonScanRow extends Record<string, unknown> {
  rkbh: string;
  gmsfhm: string | null;
  xm: string | null;
  xb: string | null;
  mz: string | null;
  csrq: string | null;
  hh: string | null;
  hyzk: string | null;
  ssxq: string | null;
}

export function checkPerson(row: PersonScanRow, asOf: string, today: Date, tally: ScanTally): void {
  const key = row.rkbh;
  const id = textOf(row.gmsfhm);
  const name = textOf(row.xm);
  const sex = textOf(row.xb);
  const ethnicity = textOf(row.mz);
  const birth = textOf(row.csrq);
  const household = textOf(row.hh);
  const marital = textOf(row.hyzk);
  const region = textOf(row.ssxq);

  // 身份号码、姓名、性别、出生日期、户号、所属区划 — any empty fails.
  tally.check("REG_REQUIRED", key, id === null || name === null || sex === null || birth === null || household === null || region === null);

  // GB 11643 in full (length, format, province, birth date within 1800-01-01 … asOf, check character).
  const idResult = id === null ? null : validateIdNumber(id, today);
  if (idResult !== null) {
    tally.check("REG_ID_NUMBER", key, !idResult.ok);
    tally.checked("REG_DUPLICATE_PERSON");
  }
  if (sex !== null) tally.check("REG_SEX_CODE", key, !Sex.has(sex));
  if (ethnicity !== null) tally.check("REG_ETHNICITY_CODE", key, !Ethnicity.has(ethnicity));
  if (region !== null) tally.check("REG_REGION_CODE", key, !isKnownRegion(region));
  if (marital !== null) tally.check("REG_MARITAL_CODE", key, !MaritalStatus.has(marital));

  // A calendar date YYYYMMDD on or before the report day (no lower bound in the rule).
  let birthDate: string | null = null;
  if (birth !== null) {
    const iso = compactDateToIso(birth);
    const valid = iso !== null && iso <= asOf;
    tally.check("REG_BIRTH_DATE", key, !valid);
    if (valid) birthDate = iso;
  }

  if (idResult?.ok) {
    if (birthDate !== null) tally.check("REG_ID_BIRTH_MISMATCH", key, idResult.birthDate !== birthDate);
    // Only 1 男 and 2 女 can be compared with the sequence number's parity (0 and 9 cannot).
    if (sex === "1" || sex === "2") tally.check("REG_ID_SEX_MISMATCH", key, idResult.sex !== (sex === "1" ? "MALE" : "FEMALE"));
  }
}
