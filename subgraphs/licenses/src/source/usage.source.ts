// Usage records (dzzz_yzjl), a page per key, newest first. One statement per batch of
// keys: window functions number each key's rows and count them (totalCount ignores the
// cursor; the page starts after it). The cursor is the last row's (yzsj, jlid), with
// yzsj as the silo's own text so microseconds survive the round trip.
import { BadUserInputError, UsageMethod, type Silo } from "@onceonly/shared";
import { LICENSE_COLUMNS, toLicenseRecord, type LicenseRow } from "./license.row.js";
import type { UsageRecord } from "./usage.record.js";

export interface UsagePageRequest {
  first: number;
  after: string | null;
}

export interface UsagePage {
  records: UsageRecord[];
  hasNextPage: boolean;
  totalCount: number;
}

type UsageRow = {
  key: string;
  jlid: number;
  usage_zzbs: string;
  yzbm: string | null;
  yzck: string | null;
  sxbm: string | null;
  bjbh: string | null;
  yzmd: string | null;
  yzfs: string | null;
  yzsj: Date;
  total: number;
};

export class UsageSource {
  constructor(private readonly silo: Silo) {}

  /** Key: 证照标识. */
  byLicenses(ids: readonly string[], page: UsagePageRequest): Promise<UsagePage[]> {
    return this.pages(ids, page, "y.zzbs", "FROM dzzz_yzjl y WHERE y.zzbs = ANY($1)", "", false);
  }

  /** Key: holder code (czztdm); the records of every licence the holder has. */
  byHolders(codes: readonly string[], page: UsagePageRequest): Promise<UsagePage[]> {
    return this.pages(codes, page, "btrim(x.czztdm)", "FROM dzzz_yzjl y JOIN dzzz_zzxx x ON x.zzbs = y.zzbs WHERE btrim(x.czztdm) = ANY($1)", `, ${LICENSE_COLUMNS}`, true);
  }

  private async pages(keys: readonly string[], page: UsagePageRequest, keyColumn: string, from: string, extra: string, withLicense: boolean): Promise<UsagePage[]> {
    const params: unknown[] = [keys, page.first + 1];
    let after = "";
    if (page.after !== null) {
      const [usedAt, id] = decodeUsageCursor(page.after);
      params.push(usedAt, id);
      after = "WHERE (u.yzsj, u.jlid) < ($3::timestamptz, $4::bigint)";
    }
    const rows = await this.silo.query<UsageRow & Partial<LicenseRow> & { yzsj_text: string }>(
      `SELECT * FROM (
         SELECT u.*, row_number() OVER (PARTITION BY u.key ORDER BY u.yzsj DESC, u.jlid DESC) AS rn
           FROM (SELECT ${keyColumn} AS key, y.jlid, y.zzbs AS usage_zzbs, y.yzbm, y.yzck, y.sxbm, y.bjbh, y.yzmd, y.yzfs,
                        y.yzsj, y.yzsj::text AS yzsj_text, count(*) OVER (PARTITION BY ${keyColumn}) AS total ${extra}
                   ${from}) u
           ${after}) p
        WHERE p.rn <= $2
        ORDER BY p.key, p.rn`,
      params,
    );
    const byKey = new Map<string, UsagePage>(keys.map((k) => [k, { records: [], hasNextPage: false, totalCount: 0 }]));
    for (const row of rows) {
      const target = byKey.get(row.key);
      if (!target) continue;
      target.totalCount = Number(row.total);
      if (target.records.length === page.first) {
        target.hasNextPage = true;
        continue;
      }
      target.records.push(toUsageRecord(row, withLicense));
    }
    return keys.map((k) => byKey.get(k)!);
  }
}

// Private: an opaque cursor that does not decode is the caller's error, named as such.
function decodeUsageCursor(cursor: string): [string, number] {
  try {
    const [usedAt, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    if (typeof usedAt === "string" && Number.isInteger(id)) return [usedAt, id as number];
  } catch {
    // fall through to the refusal
  }
  throw new BadUserInputError(`after: "${cursor}" is not a cursor this field returned (use pageInfo.endCursor)`, { argument: "after", rule: "cursor" });
}

function toUsageRecord(row: UsageRow & Partial<LicenseRow> & { yzsj_text: string }, withLicense: boolean): UsageRecord {
  return {
    id: Number(row.jlid),
    licenseId: row.usage_zzbs,
    license: withLicense ? toLicenseRecord(row as LicenseRow) : null,
    department: row.yzbm,
    window: row.yzck,
    matterCode: row.sxbm,
    caseNumber: row.bjbh,
    purpose: row.yzmd,
    method: UsageMethod.decode(row.yzfs, { silo: "licenses", jlid: row.jlid, column: "yzfs" }),
    usedAt: row.yzsj,
    cursor: Buffer.from(JSON.stringify([row.yzsj_text, Number(row.jlid)])).toString("base64url"),
  };
}
