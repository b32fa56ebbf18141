// rk_jbxx (人口基本信息) as the legacy system stores it, and its mapping to PersonRecord.
import {
  Ethnicity,
  MaritalStatus,
  Region,
  Relationship,
  Sex,
  compactDateToIso,
  logger,
  relationshipGroup,
} from "@onceonly/shared";
import type { PersonRecord } from "./records.js";

export interface RkJbxxRow extends Record<string, unknown> {
  rkbh: string;
  gmsfhm: string;
  xm: string | null;
  xb: string | null;
  mz: string | null;
  csrq: string | null;
  hh: string | null;
  yhzgx: string | null;
  hyzk: string | null;
  zz: string | null;
  ssxq: string | null;
  swbs: string;
  zxrq: string | null;
  gxsj: Date | null;
}

/** The columns every person query selects, in one place so the queries cannot drift. */
export const PERSON_COLUMNS = "rkbh, gmsfhm, xm, xb, mz, csrq, hh, yhzgx, hyzk, zz, ssxq, swbs, zxrq, gxsj";

// Bounded so a silo full of bad dates cannot grow the set without limit; past the bound
// the warnings simply stop, which is what "logged once" is for.
const reportedBadDates = new Set<string>();
const MAX_REPORTED = 10_000;

export function toPerson(row: RkJbxxRow): PersonRecord {
  const where = { silo: "registry", table: "rk_jbxx", rkbh: row.rkbh };
  return {
    idNumber: row.gmsfhm,
    registered: true,
    recordKey: row.rkbh,
    name: row.xm,
    sex: Sex.decode(row.xb, where),
    ethnicity: Ethnicity.decode(row.mz, where),
    birthDate: birthDate(row),
    address: row.zz,
    region: Region.of(row.ssxq?.trim()),
    maritalStatus: MaritalStatus.decode(row.hyzk, where),
    deceased: row.swbs?.trim() === "1",
    // Detailed GB/T 4761 codes (22 长子 …) fold into their group before decoding.
    relationshipToHead: row.yhzgx ? Relationship.decode(relationshipGroup(row.yhzgx), where) : null,
    updatedAt: row.gxsj,
    householdNumber: row.hh?.trim() || null,
  };
}

// Private: csrq is free text in the legacy system; a non-date becomes null, not an error.
function birthDate(row: RkJbxxRow): string | null {
  if (!row.csrq || row.csrq.trim() === "") return null;
  const iso = compactDateToIso(row.csrq.trim());
  if (iso === null && !reportedBadDates.has(row.rkbh) && reportedBadDates.size < MAX_REPORTED) {
    reportedBadDates.add(row.rkbh);
    logger.warn({ silo: "registry", table: "rk_jbxx", rkbh: row.rkbh, csrq: row.csrq }, "csrq is not a YYYYMMDD calendar date; birthDate returned as null");
  }
  return iso;
}
