// The licence library's row rules over one dzzz_zzxx row, exactly as shared/src/quality/
// rules.ts defines them. A field is "empty" when NULL or only spaces (textOf: btrim
// semantics, as the SQL phase sees it); codes are compared trimmed. Dates are DATE
// columns, read as "YYYY-MM-DD", so text order is date order. LIC_DUPLICATE_NUMBER's
// denominator is counted here, its failures in the duplicates phase (licenses-scan.ts).
import { LicenseStatus, textOf, validateCreditCode, validateIdNumber, validateLicenseId, type ScanTally } from "@onceonly/shared";

/** The columns the rules read, nothing more. */
export const LICENSE_SCAN_COLUMNS = "zzbs, zzbh, czzt, czztdm, czztdmlx, zzbfrq, zzyxqqsrq, zzyxqjzrq, zzzt";

export interface LicenseScanRow extends Record<string, unknown> {
  zzbs: string;
  zzbh: string | null;
  czzt: string | null;
  czztdm: string | null;
  czztdmlx: string | null;
  zzbfrq: string | null;
  zzyxqqsrq: string | null;
  zzyxqjzrq: string | null;
  zzzt: string | null;
}

/** 有效 as stored in zzzt (the silo keeps the status as its Chinese word). */
export const VALID_STATUS = LicenseStatus.encode("VALID");
const ID_NUMBER_TYPE = "111";
const CREDIT_CODE_TYPE = "001";

export function checkLicense(row: LicenseScanRow, asOf: string, today: Date, tally: ScanTally): void {
  const key = row.zzbs;
  const number = textOf(row.zzbh);
  const holder = textOf(row.czzt);
  const holderCode = textOf(row.czztdm);
  const codeType = textOf(row.czztdmlx);
  const status = textOf(row.zzzt);
  const { zzbfrq: issued, zzyxqqsrq: from, zzyxqjzrq: until } = row;

  // 证照编号、持证主体、持证主体代码、代码类型、颁发日期、状态 — any empty fails.
  tally.check("LIC_REQUIRED", key, number === null || holder === null || holderCode === null || codeType === null || issued === null || status === null);
  tally.check("LIC_IDENTIFIER", key, !validateLicenseId(key).ok);

  // Holder codes are checked when there is one: an empty code is LIC_REQUIRED's failure.
  if (holderCode !== null && codeType === ID_NUMBER_TYPE) {
    tally.check("LIC_HOLDER_ID", key, !validateIdNumber(holderCode, today).ok);
  }
  if (holderCode !== null && codeType === CREDIT_CODE_TYPE) {
    // A pilot-era code (well formed, wrong check character) is legal but still a finding.
    const credit = validateCreditCode(holderCode);
    tally.check("LIC_CREDIT_CODE", key, !credit.ok || !credit.checkDigitValid);
  }
  if (status !== null) tally.check("LIC_STATUS_CODE", key, !LicenseStatus.has(status));

  // Valid-until strictly before valid-from or before the issue day, or issued after asOf.
  // A missing date compares with nothing (long-term validity, no start, no issue day).
  const impossible =
    (until !== null && from !== null && until < from) ||
    (until !== null && issued !== null && until < issued) ||
    (issued !== null && issued > asOf);
  tally.check("LIC_DATES", key, impossible);

  if (status === VALID_STATUS) {
    if (number !== null) tally.checked("LIC_DUPLICATE_NUMBER");
    // Valid through its valid-until day; expired from the day after (until < asOf).
    tally.check("LIC_EXPIRED_VALID", key, until !== null && until < asOf);
  }
}
