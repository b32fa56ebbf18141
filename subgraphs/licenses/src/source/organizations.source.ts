// Organisations are not a table in the licence silo: they are whoever holds licences
// under a credit code (czztdmlx 001). Name, legal representative (fddbr) and address (zs)
// are read from ONE licence, the source licence, so that a prefilled form can cite one
// record (recordKey) and one update time for all three: the licence carrying the surface
// items (the business licence), a valid one before a cancelled earlier version, then
// the most recently issued. A newer licence without surface items (a property
// certificate) never becomes the source over it.
import type { Silo } from "@onceonly/shared";
import type { OrganizationRecord } from "./records.js";

type OrganizationRow = {
  czztdm: string;
  zzbs: string;
  czzt: string | null;
  gxsj: Date;
  fddbr: string | null;
  zs: string | null;
};

const CREDIT_CODE = "001";

// A surface item counts only with a value: a blank fddbr is no legal representative.
const ITEM = (code: string) =>
  `(SELECT s.sjxz FROM dzzz_zzsj s WHERE s.zzbs = src.zzbs AND s.sjxbm = '${code}' AND btrim(coalesce(s.sjxz, '')) <> '')`;

const SQL = `
  WITH held AS (
    SELECT x.zzbs, x.czztdm, x.czzt, x.zzzt, x.zzbfrq, x.gxsj FROM dzzz_zzxx x
     WHERE x.czztdmlx = '${CREDIT_CODE}' AND x.czztdm = ANY($1)
  ), src AS (
    SELECT DISTINCT ON (h.czztdm) h.* FROM held h
     ORDER BY h.czztdm,
              EXISTS (SELECT 1 FROM dzzz_zzsj s
                       WHERE s.zzbs = h.zzbs AND s.sjxbm IN ('fddbr', 'zs') AND btrim(coalesce(s.sjxz, '')) <> '') DESC,
              coalesce(btrim(h.zzzt) = '有效', false) DESC, (h.czzt IS NULL),
              h.zzbfrq DESC NULLS LAST, h.gxsj DESC, h.zzbs DESC
  )
  SELECT src.czztdm, src.zzbs, src.czzt, src.gxsj, ${ITEM("fddbr")} AS fddbr, ${ITEM("zs")} AS zs FROM src`;

export class OrganizationsSource {
  constructor(private readonly silo: Silo) {}

  /** One statement for the whole batch; null where no licence is held under the code. */
  async byCreditCodes(codes: readonly string[]): Promise<(OrganizationRecord | null)[]> {
    const rows = await this.silo.query<OrganizationRow>(SQL, [codes]);
    const byCode = new Map(
      rows.map((row): [string, OrganizationRecord] => [
        row.czztdm,
        {
          creditCode: row.czztdm,
          name: row.czzt,
          legalRepresentative: row.fddbr,
          address: row.zs,
          recordKey: row.zzbs,
          updatedAt: row.gxsj,
        },
      ]),
    );
    return codes.map((code) => byCode.get(code) ?? null);
  }
}
