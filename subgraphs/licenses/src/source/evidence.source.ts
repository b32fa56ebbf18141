// Pull once (调取): every licence a holder holds, read from the silo itself (never the
// entity cache: a revocation must show at once), and a 调取 usage record for each one that
// is usable as evidence — written by the SAME statement (a data-modifying CTE), so a
// batch of holders costs one statement and no licence is handed out unrecorded.
//
// Which licences get a record is decided in SQL, because the record must be written by
// the lookup itself. The rule is judge()'s VALID for the holder's own licence, restated
// over columns: a status outside `deadStatuses`, and asOf within [validFrom, validUntil]
// (null = open). It takes the same asOf and dead statuses the caller then judges with;
// `recorded` on each row lets the caller check the two agree (evidence.test.ts proves
// they do for every status × date combination).
import { HolderCodeType, LicenseStatus, type Silo } from "@onceonly/shared";
import { LICENSE_COLUMNS, toLicenseRecord, type LicenseRow } from "./license.row.js";
import type { HeldLicense, HolderKey, LicenseStatusValue } from "./records.js";
import { usageInsert, type UsageStamp } from "./usage.record.js";

const USAGE_COLUMNS = "zzbs, yzbm, yzck, sxbm, bjbh, yzmd, yzfs, yzsj";

export interface PullRule {
  /** The day validity is judged for (YYYY-MM-DD, China time). */
  asOf: string;
  /** Stored statuses that make a licence unusable whatever its dates. */
  deadStatuses: readonly Exclude<LicenseStatusValue, "UNRECOGNIZED">[];
}

type HeldRow = LicenseRow & { k: number; zzlxmc: string | null; recorded: boolean };

export class EvidenceSource {
  constructor(private readonly silo: Silo) {}

  /** Per holder, in key order, newest first (as Person.licenses); [] for a holder with none. */
  async pullByHolders(keys: readonly HolderKey[], rule: PullRule, stamp: UsageStamp): Promise<HeldLicense[][]> {
    const usage = usageInsert(stamp, 5);
    const rows = await this.silo.query<HeldRow>(
      `WITH held AS (
         SELECT k.i AS k, ${LICENSE_COLUMNS}, t.zzlxmc
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(dm, dmlx, i)
           JOIN dzzz_zzxx x ON x.czztdm = k.dm AND x.czztdmlx = k.dmlx
           LEFT JOIN dzzz_zzlx t ON t.zzlxdm = x.zzlxdm),
       pulled AS (
         INSERT INTO dzzz_yzjl (${USAGE_COLUMNS})
         SELECT h.zzbs, ${usage.values} FROM held h
          WHERE (h.zzzt IS NULL OR NOT (btrim(h.zzzt) = ANY($3::text[])))
            AND (h.zzyxqqsrq IS NULL OR h.zzyxqqsrq <= $4::date)
            AND (h.zzyxqjzrq IS NULL OR h.zzyxqjzrq >= $4::date)
         RETURNING zzbs)
       SELECT h.*, EXISTS (SELECT 1 FROM pulled p WHERE p.zzbs = h.zzbs) AS recorded
         FROM held h
        ORDER BY h.k, h.zzbfrq DESC NULLS LAST, h.gxsj DESC, h.zzbs`,
      [
        keys.map((key) => key.code),
        keys.map((key) => HolderCodeType.encode(key.codeType)),
        rule.deadStatuses.map((status) => LicenseStatus.encode(status)),
        rule.asOf,
        ...usage.params,
      ],
    );
    const lists: HeldLicense[][] = keys.map(() => []);
    for (const row of rows) {
      const record = toLicenseRecord(row);
      lists[Number(row.k) - 1]?.push({ record, typeName: row.zzlxmc ?? record.name, recorded: row.recorded === true });
    }
    return lists;
  }
}
