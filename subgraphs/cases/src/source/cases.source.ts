// Cases (办件 sp_bj), their materials (办件材料 sp_bjcl) and timelines (办件过程 sp_bjgc),
// each read for a batch of case numbers in one statement.
import { SubmissionMethod, CaseStatus, type Silo } from "@onceonly/shared";
import { CASE_COLUMNS, toCase, type CaseRow } from "./case-row.js";
import { alignMany, alignOne } from "./key-order.js";
import type { CaseEventRecord, CaseMaterialRecord, CaseRecord } from "./records.js";

interface CaseMaterialRow {
  bjbh: string;
  clbm: string;
  clmc: string | null;
  tjfs: string | null;
  zzbs: string | null;
  [column: string]: unknown;
}

interface EventRow {
  bjbh: string;
  zt: string;
  clsj: Date;
  clck: string | null;
  clr: string | null;
  clyj: string | null;
  [column: string]: unknown;
}

export class CasesSource {
  constructor(private readonly silo: Silo) {}

  async byNumbers(numbers: readonly string[]): Promise<(CaseRecord | null)[]> {
    const rows = await this.silo.query<CaseRow>(`SELECT ${CASE_COLUMNS} FROM sp_bj b WHERE b.bjbh = ANY($1::text[])`, [[...numbers]]);
    return alignOne(numbers, rows.map(toCase), (c) => c.number);
  }

  /** The material's name comes from the matter's catalogue entry (sp_sxcl), in its display order. */
  async materialsByCases(numbers: readonly string[]): Promise<CaseMaterialRecord[][]> {
    const rows = await this.silo.query<CaseMaterialRow>(
      `SELECT c.bjbh, c.clbm, m.clmc, c.tjfs, c.zzbs
         FROM sp_bjcl c
         JOIN sp_bj b ON b.bjbh = c.bjbh
         LEFT JOIN sp_sxcl m ON m.sxbm = b.sxbm AND m.clbm = c.clbm
        WHERE c.bjbh = ANY($1::text[])
        ORDER BY c.bjbh, m.xh NULLS LAST, c.clbm`,
      [[...numbers]],
    );
    return alignMany(numbers, rows.map(toCaseMaterial), (m) => m.caseNumber);
  }

  /** Timeline entries oldest first; gcid breaks ties between entries of the same second. */
  async timelinesByCases(numbers: readonly string[]): Promise<CaseEventRecord[][]> {
    const rows = await this.silo.query<EventRow>(
      `SELECT bjbh, zt, clsj, clck, clr, clyj FROM sp_bjgc WHERE bjbh = ANY($1::text[]) ORDER BY bjbh, clsj, gcid`,
      [[...numbers]],
    );
    return alignMany(numbers, rows.map(toEvent), (e) => e.caseNumber);
  }
}

// Private: legacy rows → records.
function toCaseMaterial(row: CaseMaterialRow): CaseMaterialRecord {
  const licenseId = row.zzbs?.trim() || null;
  return {
    caseNumber: row.bjbh,
    code: row.clbm,
    name: row.clmc,
    method: SubmissionMethod.decode(row.tjfs, { column: "sp_bjcl.tjfs", bjbh: row.bjbh, clbm: row.clbm }),
    licenseId,
    license: licenseId ? { id: licenseId } : null,
  };
}

function toEvent(row: EventRow): CaseEventRecord {
  return {
    caseNumber: row.bjbh,
    status: CaseStatus.decode(row.zt, { column: "sp_bjgc.zt", bjbh: row.bjbh }),
    at: row.clsj,
    window: row.clck,
    handler: row.clr,
    opinion: row.clyj,
  };
}
