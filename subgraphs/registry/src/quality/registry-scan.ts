// The registry's scan of its own silo (the REG_* rules), one bounded page per call.
// Phases, each a keyset walk (`WHERE key > $2 ORDER BY key LIMIT $1`) over its own key:
//   persons     rk_jbxx current rows by rkbh: the row rules in JS (person-rules.ts) and
//               the denominator of REG_DUPLICATE_PERSON;
//   duplicates  REG_DUPLICATE_PERSON's failures by rkbh: current rows whose ID number
//               (upper(btrim(gmsfhm)), so "…x" and "…X" are one number) has more than one
//               current row — every such row is listed;
//   households  REG_HOUSEHOLD_HEAD by 户号 (keyset over the 户号 current persons name):
//               the rk_hxx households with at least one current member (rk_jbxx.hh =
//               rk_hxx.hh exactly, zxrq IS NULL), failing when none of those members has
//               与户主关系 '02'. A 户号 rk_hxx lacks names no household and is not checked.
import {
  idNumberToday,
  queryInKeyOrder,
  runScanPage,
  type PhasePage,
  type QualityScanPageType,
  type ScanArguments,
  type ScanPhase,
  type Silo,
} from "@onceonly/shared";
import { checkPerson, PERSON_SCAN_COLUMNS, type PersonScanRow } from "./person-rules.js";

export class RegistryQualityScan {
  private readonly phases: readonly ScanPhase[];

  constructor(private readonly silo: Silo) {
    this.phases = [
      { name: "persons", read: (page) => this.persons(page) },
      { name: "duplicates", read: (page) => this.duplicates(page) },
      { name: "households", read: (page) => this.households(page) },
    ];
  }

  page(args: ScanArguments): Promise<QualityScanPageType> {
    return runScanPage("registry", this.phases, args);
  }

  private async persons({ after, limit, asOf, tally }: PhasePage) {
    const rows = await queryInKeyOrder<PersonScanRow>(
      this.silo,
      `SELECT ${PERSON_SCAN_COLUMNS} FROM rk_jbxx
        WHERE zxrq IS NULL${after === null ? "" : " AND rkbh > $2"}
        ORDER BY rkbh LIMIT $1`,
      after === null ? [limit] : [limit, after],
    );
    const today = idNumberToday(asOf);
    for (const row of rows) checkPerson(row, asOf, today, tally);
    return { read: rows.length, lastKey: rows.at(-1)?.rkbh ?? null };
  }

  // A window count over the current rows, then keyset by rkbh. Deliberately not a join
  // on the normalised number: joining on an expression has no index, and a planner that
  // picks a nested loop for the LIMIT would make it quadratic. One sort per page of this
  // phase; with bounded duplicates that is one or two pages.
  private async duplicates({ after, limit, tally }: PhasePage) {
    const rows = await this.silo.query<{ rkbh: string }>(
      `SELECT rkbh FROM (
         SELECT rkbh, count(*) OVER (PARTITION BY upper(btrim(gmsfhm))) AS holders
           FROM rk_jbxx
          WHERE zxrq IS NULL AND btrim(gmsfhm) <> ''
       ) current_ids
        WHERE holders > 1${after === null ? "" : " AND rkbh > $2"}
        ORDER BY rkbh LIMIT $1`,
      after === null ? [limit] : [limit, after],
    );
    for (const row of rows) tally.fail("REG_DUPLICATE_PERSON", row.rkbh);
    return { read: rows.length, lastKey: rows.at(-1)?.rkbh ?? null };
  }

  // Two single-table statements, each along an index, rather than a join: planned on a
  // freshly loaded table without statistics, the join of rk_hxx and rk_jbxx became a
  // nested loop over both tables for every page (minutes per page). First the next
  // `limit` 户号 of current persons with whether one of them is the head (rk_jbxx_hh,
  // keyset on hh), then which of those are households rk_hxx holds (its primary key).
  private async households({ after, limit, tally }: PhasePage) {
    const groups = await queryInKeyOrder<{ hh: string; has_head: boolean }>(
      this.silo,
      `SELECT hh, bool_or(yhzgx IS NOT DISTINCT FROM '02') AS has_head FROM rk_jbxx
        WHERE zxrq IS NULL AND ${after === null ? "hh IS NOT NULL" : "hh > $2"}
        GROUP BY hh ORDER BY hh LIMIT $1`,
      after === null ? [limit] : [limit, after],
    );
    if (groups.length === 0) return { read: 0, lastKey: null };
    const known = await queryInKeyOrder<{ hh: string }>(this.silo, "SELECT hh FROM rk_hxx WHERE hh = ANY($1::text[])", [
      groups.map((g) => g.hh),
    ]);
    const households = new Set(known.map((h) => h.hh));
    for (const group of groups) if (households.has(group.hh)) tally.check("REG_HOUSEHOLD_HEAD", group.hh, !group.has_head);
    return { read: groups.length, lastKey: groups.at(-1)!.hh };
  }
}
