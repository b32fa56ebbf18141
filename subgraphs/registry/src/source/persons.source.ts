// Persons from rk_jbxx. The legacy table has a surrogate key (rkbh) and no uniqueness on
// gmsfhm: migrations between systems left duplicate rows for one person, and cancelled
// rows (注销, zxrq set) stay in the table. "The current person" for an ID number is the
// row that is not cancelled, else the latest one (gxsj); rkbh breaks ties so the choice
// is stable. It is chosen in SQL so every batch stays one statement.
import type { Silo } from "@onceonly/shared";
import { PERSON_COLUMNS, toPerson, type RkJbxxRow } from "./person.row.js";
import type { PersonRecord } from "./records.js";

const CURRENT_ROW_ORDER = "gmsfhm, (zxrq IS NULL) DESC, gxsj DESC, rkbh DESC";

export class PersonsSource {
  constructor(private readonly silo: Silo) {}

  /** One result per key, in key order; null where the registry has no such person. */
  async byIdNumbers(idNumbers: readonly string[]): Promise<(PersonRecord | null)[]> {
    const rows = await this.silo.query<RkJbxxRow>(
      `SELECT DISTINCT ON (gmsfhm) ${PERSON_COLUMNS}
         FROM rk_jbxx
        WHERE gmsfhm = ANY($1::text[])
        ORDER BY ${CURRENT_ROW_ORDER}`,
      [idNumbers],
    );
    const byId = new Map(rows.map((row) => [row.gmsfhm, toPerson(row)]));
    return idNumbers.map((id) => byId.get(id) ?? null);
  }

  /**
   * Current members per household, in key order (an empty list for an unknown household).
   * A person belongs to a household when their *current* row says so and is not
   * cancelled: a stale duplicate row left under an old 户号 must not make them a member
   * twice, and a cancelled registration has left the household. Head first.
   */
  async membersOf(householdNumbers: readonly string[]): Promise<PersonRecord[][]> {
    const rows = await this.silo.query<RkJbxxRow>(
      `SELECT ${PERSON_COLUMNS} FROM (
         SELECT DISTINCT ON (gmsfhm) ${PERSON_COLUMNS}
           FROM rk_jbxx
          WHERE gmsfhm IN (SELECT m.gmsfhm FROM rk_jbxx m WHERE m.hh = ANY($1::text[]))
          ORDER BY ${CURRENT_ROW_ORDER}
       ) cur
       WHERE cur.hh = ANY($1::text[]) AND cur.zxrq IS NULL
       ORDER BY cur.hh, CASE WHEN cur.yhzgx = '02' THEN 0 ELSE 1 END, cur.yhzgx, cur.csrq, cur.gmsfhm`,
      [householdNumbers],
    );
    const byHousehold = new Map<string, PersonRecord[]>(householdNumbers.map((hh) => [hh, []]));
    for (const row of rows) byHousehold.get(row.hh ?? "")?.push(toPerson(row));
    return householdNumbers.map((hh) => byHousehold.get(hh) ?? []);
  }
}
