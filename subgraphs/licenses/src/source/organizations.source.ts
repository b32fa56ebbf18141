// Organisations are not a table in the licence silo: they are whoever holds licences
// under a credit code (czztdmlx 001). The name is the holder name on the most recently
// issued licence; the legal representative (fddbr) and address (zs) come from the
// surface items (dzzz_zzsj) of the most recently updated licence that carries each.
import type { Silo } from "@onceonly/shared";
import type { OrganizationRecord } from "./records.js";

type OrganizationRow = {
  czztdm: string;
  czzt: string | null;
  fddbr: string | null;
  zs: string | null;
};

const CREDIT_CODE = "001";

const SQL = `
  WITH held AS (
    SELECT zzbs, czztdm, czzt, zzbfrq, gxsj FROM dzzz_zzxx
     WHERE czztdmlx = '${CREDIT_CODE}' AND czztdm = ANY($1)
  ), named AS (
    SELECT DISTINCT ON (czztdm) czztdm, czzt FROM held
     ORDER BY czztdm, (czzt IS NULL), zzbfrq DESC NULLS LAST, gxsj DESC, zzbs DESC
  ), items AS (
    SELECT DISTINCT ON (h.czztdm, s.sjxbm) h.czztdm, s.sjxbm, s.sjxz
      FROM held h JOIN dzzz_zzsj s ON s.zzbs = h.zzbs
     WHERE s.sjxbm IN ('fddbr', 'zs') AND btrim(coalesce(s.sjxz, '')) <> ''
     ORDER BY h.czztdm, s.sjxbm, h.gxsj DESC, h.zzbs DESC
  )
  SELECT n.czztdm, n.czzt, f.sjxz AS fddbr, z.sjxz AS zs
    FROM named n
    LEFT JOIN items f ON f.czztdm = n.czztdm AND f.sjxbm = 'fddbr'
    LEFT JOIN items z ON z.czztdm = n.czztdm AND z.sjxbm = 'zs'`;

export class OrganizationsSource {
  constructor(private readonly silo: Silo) {}

  /** One statement for the whole batch; null where no licence is held under the code. */
  async byCreditCodes(codes: readonly string[]): Promise<(OrganizationRecord | null)[]> {
    const rows = await this.silo.query<OrganizationRow>(SQL, [codes]);
    const byCode = new Map(
      rows.map((row) => [
        row.czztdm,
        { creditCode: row.czztdm, name: row.czzt, legalRepresentative: row.fddbr, address: row.zs },
      ]),
    );
    return codes.map((code) => byCode.get(code) ?? null);
  }
}
