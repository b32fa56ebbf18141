// dzzz_zzxx as the silo stores it, and its mapping to LicenseRecord. Code mapping
// lives here so an unknown legacy code is decoded (and logged) in exactly one place.
import { HolderCodeType, LicenseStatus, UnreachableCaseError } from "@onceonly/shared";
import type { HolderRef, LicenseRecord } from "./records.js";

export type LicenseRow = {
  zzbs: string;
  zzlxdm: string;
  zzmc: string | null;
  zzbh: string | null;
  czzt: string | null;
  czztdm: string | null;
  czztdmlx: string | null;
  zzbfjg: string | null;
  zzbfjgdm: string | null;
  zzbfrq: string | null;
  zzyxqqsrq: string | null;
  zzyxqjzrq: string | null;
  zzzt: string | null;
  gxsj: Date;
};

/** The column list every licence statement selects, so rows always map the same way. */
export const LICENSE_COLUMNS =
  "x.zzbs, x.zzlxdm, x.zzmc, x.zzbh, x.czzt, x.czztdm, x.czztdmlx, x.zzbfjg, x.zzbfjgdm, " +
  "x.zzbfrq, x.zzyxqqsrq, x.zzyxqjzrq, x.zzzt, x.gxsj";

export function toLicenseRecord(row: LicenseRow): LicenseRecord {
  const context = { silo: "licenses", zzbs: row.zzbs };
  const holderCode = blankToNull(row.czztdm);
  return {
    id: row.zzbs,
    typeCode: row.zzlxdm,
    number: row.zzbh,
    name: row.zzmc,
    holder: holderRef(HolderCodeType.decode(row.czztdmlx, { ...context, column: "czztdmlx" }), holderCode),
    holderName: row.czzt,
    holderCode,
    issuer: row.zzbfjg === null && row.zzbfjgdm === null ? null : { name: row.zzbfjg, code: row.zzbfjgdm },
    issuedOn: row.zzbfrq,
    validFrom: row.zzyxqqsrq,
    validUntil: row.zzyxqjzrq,
    status: LicenseStatus.decode(row.zzzt, { ...context, column: "zzzt" }),
    updatedAt: row.gxsj,
  };
}

// Private: the holder's identity follows its code type, not the shape of the code: an
// 18-digit credit code and an ID number can look alike.
function holderRef(type: ReturnType<typeof HolderCodeType.decode>, code: string | null): HolderRef | null {
  if (code === null || type === null) return null;
  switch (type) {
    case "ID_NUMBER":
      return { idNumber: code.toUpperCase() };
    case "CREDIT_CODE":
      return { creditCode: code.toUpperCase() };
    case "UNRECOGNIZED":
      return null;
    default:
      throw new UnreachableCaseError(type);
  }
}

function blankToNull(value: string | null): string | null {
  return value === null || value.trim() === "" ? null : value.trim();
}
