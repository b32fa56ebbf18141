// Verification reads the silo itself, never a cache: the authority on validity must not
// be stale. Each lookup kind is ONE statement for a whole batch, and the same statement
// writes the usage records (a data-modifying CTE), so a bulk of 1,000 costs at most two.
import type { Silo } from "@onceonly/shared";
import { LICENSE_COLUMNS, toLicenseRecord, type LicenseRow } from "./license.row.js";
import type { TypeAndNumber } from "./licenses.source.js";
import type { LicenseRecord } from "./records.js";
import { usageInsert, type UsageStamp } from "./usage.record.js";

const USAGE_COLUMNS = "zzbs, yzbm, yzck, sxbm, bjbh, yzmd, yzfs, yzsj";

// Same preference as licenseByNumber: of several versions, the valid one, then the newest.
const PREFERRED_FIRST = "(btrim(x.zzzt) = '有效') DESC, x.zzbfrq DESC NULLS LAST, x.gxsj DESC, x.zzbs DESC";

export class VerificationSource {
  constructor(private readonly silo: Silo) {}

  /** One record per id, in order; a usage record per id found (repeats included). */
  async byIds(ids: readonly string[], stamp: UsageStamp): Promise<(LicenseRecord | null)[]> {
    const usage = usageInsert(stamp, 2);
    const rows = await this.silo.query<LicenseRow & { k: number }>(
      `WITH found AS (
         SELECT k.i AS k, ${LICENSE_COLUMNS}
           FROM unnest($1::text[]) WITH ORDINALITY AS k(id, i)
           JOIN dzzz_zzxx x ON x.zzbs = k.id),
       used AS (INSERT INTO dzzz_yzjl (${USAGE_COLUMNS}) SELECT zzbs, ${usage.values} FROM found)
       SELECT * FROM found`,
      [ids, ...usage.params],
    );
    return inKeyOrder(ids.length, rows);
  }

  async byTypeAndNumbers(keys: readonly TypeAndNumber[], stamp: UsageStamp): Promise<(LicenseRecord | null)[]> {
    const usage = usageInsert(stamp, 3);
    const rows = await this.silo.query<LicenseRow & { k: number }>(
      `WITH found AS (
         SELECT DISTINCT ON (k.i) k.i AS k, ${LICENSE_COLUMNS}
           FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(lx, bh, i)
           JOIN dzzz_zzxx x ON x.zzlxdm = k.lx AND x.zzbh = k.bh
          ORDER BY k.i, ${PREFERRED_FIRST}),
       used AS (INSERT INTO dzzz_yzjl (${USAGE_COLUMNS}) SELECT zzbs, ${usage.values} FROM found)
       SELECT * FROM found`,
      [keys.map((k) => k.typeCode), keys.map((k) => k.number), ...usage.params],
    );
    return inKeyOrder(keys.length, rows);
  }
}

// Private: rows carry their 1-based input position (WITH ORDINALITY).
function inKeyOrder(length: number, rows: (LicenseRow & { k: number })[]): (LicenseRecord | null)[] {
  const byIndex = new Map(rows.map((row) => [Number(row.k), toLicenseRecord(row)]));
  return Array.from({ length }, (_, i) => byIndex.get(i + 1) ?? null);
}
