// Licences (dzzz_zzxx). Every method takes a whole batch of keys and runs one
// statement; results come back in key order, null (or []) where the silo has nothing.
import { LicenseStatus, UNRECOGNIZED, type Silo } from "@onceonly/shared";
import { LICENSE_COLUMNS, toLicenseRecord, type LicenseRow } from "./license.row.js";
import type { LicenseFilter, LicenseRecord, LicenseStatusValue } from "./records.js";
import { forgetHolders, forgetLicenses, type LicensesCache } from "./licenses.cache.js";

type KnownStatus = Exclude<LicenseStatusValue, typeof UNRECOGNIZED>;

export interface TypeAndNumber {
  typeCode: string;
  number: string;
}

// A licence re-issued under the same number (new version, old one cancelled) leaves
// several rows per type + number: the valid one wins, then the most recently issued.
const PREFERRED_FIRST = "(btrim(x.zzzt) = '有效') DESC, x.zzbfrq DESC NULLS LAST, x.gxsj DESC, x.zzbs DESC";

export class LicensesSource {
  constructor(
    private readonly silo: Silo,
    private readonly cache?: LicensesCache,
  ) {}

  async byIds(ids: readonly string[]): Promise<(LicenseRecord | null)[]> {
    const rows = await this.silo.query<LicenseRow>(
      `SELECT ${LICENSE_COLUMNS} FROM dzzz_zzxx x WHERE x.zzbs = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.zzbs, toLicenseRecord(row)]));
    return ids.map((id) => byId.get(id) ?? null);
  }

  async byTypeAndNumbers(keys: readonly TypeAndNumber[]): Promise<(LicenseRecord | null)[]> {
    const rows = await this.silo.query<LicenseRow & { k: number }>(
      `SELECT DISTINCT ON (k.i) k.i AS k, ${LICENSE_COLUMNS}
         FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS k(lx, bh, i)
         JOIN dzzz_zzxx x ON x.zzlxdm = k.lx AND x.zzbh = k.bh
        ORDER BY k.i, ${PREFERRED_FIRST}`,
      [keys.map((k) => k.typeCode), keys.map((k) => k.number)],
    );
    const byIndex = new Map(rows.map((row) => [Number(row.k), toLicenseRecord(row)]));
    return keys.map((_, i) => byIndex.get(i + 1) ?? null);
  }

  /** Licences held under each code (ID number or credit code), newest first. */
  async byHolders(codes: readonly string[], filter: LicenseFilter): Promise<LicenseRecord[][]> {
    const params: unknown[] = [codes];
    const where = ["x.czztdm = ANY($1)"];
    if (filter.statuses !== null) where.push(statusCondition(filter.statuses, params));
    if (filter.types !== null) {
      params.push(filter.types);
      where.push(`x.zzlxdm = ANY($${params.length})`);
    }
    const rows = await this.silo.query<LicenseRow>(
      `SELECT ${LICENSE_COLUMNS} FROM dzzz_zzxx x WHERE ${where.join(" AND ")}
        ORDER BY x.zzbfrq DESC NULLS LAST, x.gxsj DESC, x.zzbs`,
      params,
    );
    const byHolder = new Map<string, LicenseRecord[]>(codes.map((code) => [code, []]));
    for (const row of rows) byHolder.get(row.czztdm?.trim() ?? "")?.push(toLicenseRecord(row));
    return codes.map((code) => byHolder.get(code) ?? []);
  }

  /**
   * Sets a licence's status (the seam for an admin mutation). The cached copy is dropped
   * after the commit, so this process never serves the old status again; other replicas
   * learn it from the change feed. Returns false when no such licence exists.
   */
  async updateStatus(id: string, status: KnownStatus): Promise<boolean> {
    const rows = await this.silo.query<{ zzbs: string; czztdm: string | null }>(
      "UPDATE dzzz_zzxx SET zzzt = $2, gxsj = now() WHERE zzbs = $1 RETURNING zzbs, czztdm",
      [id, LicenseStatus.encode(status)],
    );
    // The holder's lists too: a list filtered by status must not keep listing it.
    const holders = rows.flatMap((row) => (row.czztdm === null ? [] : [row.czztdm]));
    await Promise.all([forgetLicenses(this.cache, [id]), forgetHolders(this.cache, holders)]);
    return rows.length > 0;
  }

}

// Private: statuses are stored as Chinese words; UNRECOGNIZED means "a word outside the
// code table", so it selects the rows whose status is set but matches no known code.
function statusCondition(statuses: readonly LicenseStatusValue[], params: unknown[]): string {
  const known = statuses.filter((s): s is KnownStatus => s !== UNRECOGNIZED).map((s) => LicenseStatus.encode(s));
  params.push(known);
  const clauses = [`btrim(x.zzzt) = ANY($${params.length})`];
  if (statuses.includes(UNRECOGNIZED)) {
    params.push(LicenseStatus.entries.map((e) => e.code));
    clauses.push(`NOT (btrim(x.zzzt) = ANY($${params.length}))`);
  }
  return `(${clauses.join(" OR ")})`;
}
