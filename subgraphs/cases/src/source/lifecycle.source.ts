// Status changes and 好差评 of a case, each in one transaction with the case row locked
// (SELECT … FOR UPDATE): two windows advancing the same case at once are serialised, so
// the second sees the first one's status and is judged against it — never both passing
// the check on the same old status. The rules are not here: the caller's `decide` sees the
// locked state and returns the change, or throws and nothing is written.
import { CaseResult, CaseStatus, Evaluation, MatterKind, type Silo, type Transaction } from "@onceonly/shared";
import type { CaseChange, LockedCase } from "../lifecycle/advance.js";
import type { EvaluationChange, EvaluationState } from "../lifecycle/evaluation.js";
import { pauseOf } from "../lifecycle/transitions.js";
import { CASE_COLUMNS, toCase, type CaseRow } from "./case-row.js";
import { caseChangeKeys, forgetCaseKeys, type CasesCache } from "./cases.cache.js";
import type { CaseRecord } from "./records.js";

interface LockedRow {
  bjbh: string;
  zt: string | null;
  cnbjsj: Date | null;
  bjsj: Date | null;
  bjjg: string | null;
  mydpj: string | null;
  pjsj: Date | null;
  bjlx: string | null;
  [column: string]: unknown;
}

// The matter's row is read, not locked: its kind (即办件) does not change under a case.
const LOCK = `
SELECT b.bjbh, b.zt, b.cnbjsj, b.bjsj, b.bjjg, b.mydpj, b.pjsj, m.bjlx
  FROM sp_bj b LEFT JOIN sp_sxml m ON m.sxbm = b.sxbm
 WHERE b.bjbh = $1
   FOR UPDATE OF b`;

// The UPDATEs return the case as it now is, plus the bundle it belongs to: the keys
// whose cached answers the change invalidates (cases.cache.ts).
const RETURNING = `${CASE_COLUMNS}, b.zhbjbh`;
type UpdatedRow = CaseRow & { zhbjbh: string | null };

export class LifecycleSource {
  constructor(
    private readonly silo: Silo,
    private readonly cache?: CasesCache,
  ) {}

  /**
   * Applies the change `decide` returns and appends its timeline entry; null for an unknown
   * case. After the commit the case, its applicant's pages and its bundle's member list
   * are dropped from the cache: the next read anywhere sees the new status.
   */
  advance(number: string, decide: (locked: LockedCase) => CaseChange): Promise<CaseRecord | null> {
    return this.afterCommit(this.silo.transaction(async (tx) => {
      const row = await lock(tx, number);
      if (!row) return null;
      const status = CaseStatus.decode(row.zt, { column: "sp_bj.zt", bjbh: number });
      const change = decide({
        number,
        status,
        matterKind: MatterKind.decode(row.bjlx, { column: "sp_sxml.bjlx", bjbh: number }),
        promisedBy: row.cnbjsj,
        completedAt: row.bjsj,
        result: CaseResult.decode(row.bjjg, { column: "sp_bj.bjjg", bjbh: number }),
        // Only a paused case needs its timeline: where it paused from, and since when.
        pause: status === "SPECIAL_PROCEDURE" ? pauseOf(await timeline(tx, number)) : null,
      });
      const [updated] = await tx.query<UpdatedRow>(
        `UPDATE sp_bj AS b SET zt = $2, gxsj = $3, cnbjsj = $4, bjsj = $5, bjjg = $6 WHERE b.bjbh = $1 RETURNING ${RETURNING}`,
        [
          number, CaseStatus.encode(change.status), change.at, change.promisedBy, change.completedAt,
          // A result outside the code table stays as the silo holds it.
          change.result === null || change.result === "UNRECOGNIZED" ? row.bjjg : CaseResult.encode(change.result),
        ],
      );
      await tx.query(`INSERT INTO sp_bjgc (bjbh, zt, clsj, clck, clr, clyj) VALUES ($1, $2, $3, $4, $5, $6)`, [
        number, CaseStatus.encode(change.status), change.at, change.event.window, change.event.handler, change.event.opinion,
      ]);
      return updated;
    }));
  }

  /** Records the rating `decide` returns; null for an unknown case. The cache as for advance. */
  evaluate(number: string, decide: (state: EvaluationState) => EvaluationChange): Promise<CaseRecord | null> {
    return this.afterCommit(this.silo.transaction(async (tx) => {
      const row = await lock(tx, number);
      if (!row) return null;
      const change = decide({
        number,
        status: CaseStatus.decode(row.zt, { column: "sp_bj.zt", bjbh: number }),
        evaluation: Evaluation.decode(row.mydpj, { column: "sp_bj.mydpj", bjbh: number }),
        evaluatedAt: row.pjsj,
      });
      const [updated] = await tx.query<UpdatedRow>(
        `UPDATE sp_bj AS b SET mydpj = $2, pjsj = $3, pjnr = $4, gxsj = $3 WHERE b.bjbh = $1 RETURNING ${RETURNING}`,
        [number, Evaluation.encode(change.evaluation), change.at, change.comment],
      );
      return updated;
    }));
  }

  // Private: the transaction has committed (or failed, and nothing changed) when this runs.
  private async afterCommit(written: Promise<UpdatedRow | null>): Promise<CaseRecord | null> {
    const row = await written;
    if (!row) return null;
    await forgetCaseKeys(this.cache, caseChangeKeys([row]));
    return toCase(row);
  }
}

// Private.
async function lock(tx: Transaction, number: string): Promise<LockedRow | null> {
  const [row] = await tx.query<LockedRow>(LOCK, [number]);
  return row ?? null;
}

async function timeline(tx: Transaction, number: string) {
  const rows = await tx.query<{ zt: string; clsj: Date }>(`SELECT zt, clsj FROM sp_bjgc WHERE bjbh = $1 ORDER BY clsj, gcid`, [number]);
  return rows.map((r) => ({ status: CaseStatus.decode(r.zt, { column: "sp_bjgc.zt", bjbh: number }), at: r.clsj }));
}
