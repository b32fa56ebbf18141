// One-thing bundle cases: the bundle case a member case belongs to (sp_bj.zhbjbh) and the
// member cases of a bundle case, each read for a batch of case numbers in one statement.
import type { Silo } from "@onceonly/shared";
import { CASE_COLUMNS, toCase, type CaseRow } from "./case-row.js";
import { alignMany, alignOne } from "./key-order.js";
import type { CaseRecord } from "./records.js";

export class BundlesSource {
  constructor(private readonly silo: Silo) {}

  /** The bundle case of each member case number; null for a case that belongs to no bundle. */
  async bundlesOfCases(numbers: readonly string[]): Promise<(CaseRecord | null)[]> {
    const rows = await this.silo.query<CaseRow & { member: string }>(
      `SELECT m.bjbh AS member, ${CASE_COLUMNS} FROM sp_bj m JOIN sp_bj b ON b.bjbh = m.zhbjbh WHERE m.bjbh = ANY($1::text[])`,
      [[...numbers]],
    );
    return alignOne(numbers, rows, (r) => r.member).map((row) => (row ? toCase(row) : null));
  }

  /**
   * The member cases of each bundle case, in the bundle's member order: numbers are drawn
   * from one sequence in that order at acceptance, so number order is member order.
   */
  async membersOfCases(numbers: readonly string[]): Promise<CaseRecord[][]> {
    const rows = await this.silo.query<CaseRow & { zhbjbh: string }>(
      `SELECT b.zhbjbh, ${CASE_COLUMNS} FROM sp_bj b WHERE b.zhbjbh = ANY($1::text[]) ORDER BY b.zhbjbh, b.bjbh`,
      [[...numbers]],
    );
    return alignMany(numbers, rows, (r) => r.zhbjbh).map((list) => list.map(toCase));
  }
}
