// 共享应用统计: how much the cases accepted in a period relied on shared data, per matter,
// window or implementing department and in total — ONE aggregate statement (ROLLUP gives
// the total row beside the groups). Groups come in byte order of their key (COLLATE "C"),
// the same on every engine and locale.
// A one-thing bundle counts once, as the bundle case: its member cases (sp_bj.zhbjbh set)
// carry copies of the bundle's materials, and counting them again would count what the
// applicant handed over once as handed over several times.
import { SubmissionMethod, type Silo } from "@onceonly/shared";

export type SharingGroupByValue = "MATTER" | "WINDOW" | "DEPARTMENT";

export interface SharingFiguresRecord {
  cases: number;
  materials: number;
  /** Submitted as SHARED_DATA or E_LICENSE (免提交). */
  sharedMaterials: number;
  /** Submitted as PAPER or UPLOAD. */
  handedOverMaterials: number;
  commitmentMaterials: number;
  deferredMaterials: number;
  /** sp_bjbd rows: form fields submitted, prefilled (sfyt) or typed. */
  formFields: number;
  prefilledFields: number;
  /** Materials whose catalogue entry names a licence type, and of those the ones submitted as E_LICENSE. */
  licenseMaterials: number;
  eLicenseMaterials: number;
}

export interface SharingGroupRecord extends SharingFiguresRecord {
  /** Matter code, window id or department; null when the case does not record it. */
  key: string | null;
  /** The matter's name (sp_sxml.sxmc) when grouping by matter; null when the catalogue lacks it. */
  matterName: string | null;
}

export interface SharingQuery {
  /** Inclusive lower bound (00:00 of the first China day). */
  since: Date;
  /** Exclusive upper bound (00:00 of the day after the last). */
  until: Date;
  groupBy: SharingGroupByValue;
}

interface Row extends SharingGroupRecord {
  total: boolean;
  [column: string]: unknown;
}

const SQL = `
WITH c AS (
  SELECT b.bjbh, b.sxbm, m.sxmc,
         CASE $3::text WHEN 'MATTER' THEN b.sxbm WHEN 'WINDOW' THEN b.slck ELSE m.ssbm END AS k
    FROM sp_bj b
    LEFT JOIN sp_sxml m ON m.sxbm = b.sxbm
   WHERE b.slsj >= $1::timestamptz AND b.slsj < $2::timestamptz AND b.zhbjbh IS NULL
), mat AS (
  SELECT cl.bjbh,
         count(*) AS materials,
         count(*) FILTER (WHERE cl.tjfs = ANY($4::text[])) AS shared,
         count(*) FILTER (WHERE cl.tjfs = ANY($5::text[])) AS handed,
         count(*) FILTER (WHERE cl.tjfs = $6::text) AS committed,
         count(*) FILTER (WHERE cl.tjfs = $7::text) AS deferred,
         count(*) FILTER (WHERE nullif(trim(s.zzlxdm), '') IS NOT NULL) AS licensed,
         count(*) FILTER (WHERE nullif(trim(s.zzlxdm), '') IS NOT NULL AND cl.tjfs = $8::text) AS e_licensed
    FROM c
    JOIN sp_bjcl cl ON cl.bjbh = c.bjbh
    LEFT JOIN sp_sxcl s ON s.sxbm = c.sxbm AND s.clbm = cl.clbm
   GROUP BY cl.bjbh
), frm AS (
  SELECT f.bjbh, count(*) AS fields, count(*) FILTER (WHERE f.sfyt) AS prefilled
    FROM c
    JOIN sp_bjbd f ON f.bjbh = c.bjbh
   GROUP BY f.bjbh
)
SELECT GROUPING(c.k) = 1 AS total,
       c.k AS key,
       max(c.sxmc) AS "matterName",
       count(*)::int AS cases,
       coalesce(sum(mat.materials), 0)::int AS materials,
       coalesce(sum(mat.shared), 0)::int AS "sharedMaterials",
       coalesce(sum(mat.handed), 0)::int AS "handedOverMaterials",
       coalesce(sum(mat.committed), 0)::int AS "commitmentMaterials",
       coalesce(sum(mat.deferred), 0)::int AS "deferredMaterials",
       coalesce(sum(frm.fields), 0)::int AS "formFields",
       coalesce(sum(frm.prefilled), 0)::int AS "prefilledFields",
       coalesce(sum(mat.licensed), 0)::int AS "licenseMaterials",
       coalesce(sum(mat.e_licensed), 0)::int AS "eLicenseMaterials"
  FROM c
  LEFT JOIN mat ON mat.bjbh = c.bjbh
  LEFT JOIN frm ON frm.bjbh = c.bjbh
 GROUP BY ROLLUP (c.k)
 ORDER BY GROUPING(c.k), c.k COLLATE "C" NULLS LAST`;

const code = (value: Parameters<typeof SubmissionMethod.encode>[0]) => SubmissionMethod.encode(value);

export class SharingStatsSource {
  constructor(private readonly silo: Silo) {}

  async figures(query: SharingQuery): Promise<{ total: SharingFiguresRecord; groups: SharingGroupRecord[] }> {
    const rows = await this.silo.query<Row>(SQL, [
      query.since,
      query.until,
      query.groupBy,
      [code("SHARED_DATA"), code("E_LICENSE")],
      [code("PAPER"), code("UPLOAD")],
      code("COMMITMENT"),
      code("DEFERRED"),
      code("E_LICENSE"),
    ]);
    const total = rows.find((r) => r.total);
    return {
      // ROLLUP's grand-total row exists even over no cases; the fallback is belt and braces.
      total: total ? figuresOf(total) : { ...EMPTY },
      groups: rows.filter((r) => !r.total).map((r) => ({ key: r.key, matterName: r.matterName, ...figuresOf(r) })),
    };
  }
}

// Private: the figures of a row, and nothing else the row carries.
function figuresOf(r: Row): SharingFiguresRecord {
  return {
    cases: r.cases, materials: r.materials, sharedMaterials: r.sharedMaterials, handedOverMaterials: r.handedOverMaterials,
    commitmentMaterials: r.commitmentMaterials, deferredMaterials: r.deferredMaterials, formFields: r.formFields,
    prefilledFields: r.prefilledFields, licenseMaterials: r.licenseMaterials, eLicenseMaterials: r.eLicenseMaterials,
  };
}

const EMPTY: SharingFiguresRecord = {
  cases: 0, materials: 0, sharedMaterials: 0, handedOverMaterials: 0, commitmentMaterials: 0, deferredMaterials: 0,
  formFields: 0, prefilledFields: 0, licenseMaterials: 0, eLicenseMaterials: 0,
};
