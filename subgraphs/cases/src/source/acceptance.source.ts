// Writing an accepted case: the idempotency key (sp_bjmd), the case numbers (sequence
// sp_bj_xh) and every row of the case — and of a bundle's member cases — in one
// transaction. The key row is inserted first with ON CONFLICT DO NOTHING: of two
// concurrent retries, PostgreSQL makes the second wait on the first's uncommitted key,
// then tells it the key is taken; it writes nothing and reads the winner's case instead.
import type { Silo, Transaction } from "@onceonly/shared";
import type { CaseRows, Value } from "../acceptance/case-rows.js";
import { caseChangeKeys, forgetCaseKeys, type CasesCache } from "./cases.cache.js";

export interface IdempotencyRecord {
  key: string;
  /** SHA-256 (hex) of the request the key was first used for. */
  digest: string;
  caseNumber: string;
}

export type AcceptOutcome = { created: true; caseNumber: string } | { created: false; existing: IdempotencyRecord };

export interface AcceptWrite {
  key: string;
  digest: string;
  acceptedAt: Date;
  /** How many case numbers to draw (the case, plus one per bundle member). */
  cases: number;
  /** Sequence value → case number. */
  number(sequence: number): string;
  /** The rows, once the numbers are known (numbers[0] is the case the key stands for). */
  rows(numbers: readonly string[]): CaseRows;
}

// Column lists and their array types for the unnest inserts (one statement per table).
const TABLES = {
  sp_bj: [
    ["bjbh", "text"], ["sxbm", "text"], ["sqrzjhm", "text"], ["sqrxm", "text"], ["sqrlx", "text"], ["slsj", "timestamptz"],
    ["slck", "text"], ["cnbjsj", "timestamptz"], ["zt", "text"], ["zhbjbh", "text"], ["dqbh", "text"], ["slbm", "text"],
    ["gxsj", "timestamptz"],
  ],
  sp_bjcl: [["bjbh", "text"], ["clbm", "text"], ["tjfs", "text"], ["zzbs", "text"], ["yzhz", "text"]],
  sp_bjgc: [["bjbh", "text"], ["zt", "text"], ["clsj", "timestamptz"], ["clck", "text"], ["clr", "text"], ["clyj", "text"]],
  sp_bjbd: [["bjbh", "text"], ["zdbm", "text"], ["zdz", "text"], ["sfyt", "boolean"]],
} as const satisfies Record<keyof CaseRows, readonly (readonly [string, string])[]>;

export class AcceptanceSource {
  constructor(
    private readonly silo: Silo,
    private readonly cache?: CasesCache,
  ) {}

  async byKey(key: string): Promise<IdempotencyRecord | null> {
    const [row] = await this.silo.query<{ mdmy: string; qqzy: string; bjbh: string }>(
      "SELECT mdmy, qqzy, bjbh FROM sp_bjmd WHERE mdmy = $1",
      [key],
    );
    return row ? { key: row.mdmy, digest: row.qqzy, caseNumber: row.bjbh } : null;
  }

  /**
   * Writes the case (and its bundle's member cases). After the commit the applicant's
   * cached case pages and the bundle's member list are dropped, so the next read — this
   * window's or another replica's — lists the new case (the silo's feed also tells the
   * other replicas).
   */
  async accept(write: AcceptWrite): Promise<AcceptOutcome> {
    let written: CaseRows["sp_bj"] = [];
    const outcome = await this.write(write, (rows) => (written = rows));
    if (outcome.created) await forgetCaseKeys(this.cache, caseChangeKeys(written.map(caseKeyColumns)));
    return outcome;
  }

  // Private: the transaction; `wrote` gets the sp_bj rows it inserted.
  private write(write: AcceptWrite, wrote: (rows: CaseRows["sp_bj"]) => void): Promise<AcceptOutcome> {
    return this.silo.transaction(async (tx) => {
      const sequences = await tx.query<{ n: number | string }>(
        "SELECT nextval('sp_bj_xh') AS n FROM generate_series(1, $1::int) ORDER BY 1",
        [write.cases],
      );
      const numbers = sequences.map((s) => write.number(Number(s.n)));
      const claimed = await tx.query(
        "INSERT INTO sp_bjmd (mdmy, qqzy, bjbh, cjsj) VALUES ($1, $2, $3, $4) ON CONFLICT (mdmy) DO NOTHING RETURNING mdmy",
        [write.key, write.digest, numbers[0], write.acceptedAt.toISOString()],
      );
      if (claimed.length === 0) {
        // Committed by the winner by now (the insert waited for it): a new statement sees it.
        const [row] = await tx.query<{ qqzy: string; bjbh: string }>("SELECT qqzy, bjbh FROM sp_bjmd WHERE mdmy = $1", [write.key]);
        return { created: false, existing: { key: write.key, digest: row.qqzy, caseNumber: row.bjbh } };
      }
      const rows = write.rows(numbers);
      for (const table of Object.keys(TABLES) as (keyof CaseRows)[]) await insertRows(tx, table, rows[table]);
      wrote(rows.sp_bj);
      return { created: true, caseNumber: numbers[0] };
    });
  }
}

// Private: the columns of an sp_bj row (in TABLES order) that name cached answers.
function caseKeyColumns(row: readonly Value[]): { bjbh: string; sqrzjhm: string | null; zhbjbh: string | null } {
  const at = (name: string) => row[TABLES.sp_bj.findIndex(([column]) => column === name)];
  const text = (value: Value) => (value === null || value === undefined ? null : String(value));
  return { bjbh: String(at("bjbh")), sqrzjhm: text(at("sqrzjhm")), zhbjbh: text(at("zhbjbh")) };
}

// Private: INSERT … SELECT * FROM unnest($1::text[], …): one statement however many rows.
async function insertRows(tx: Transaction, table: keyof CaseRows, rows: readonly Value[][]): Promise<void> {
  if (rows.length === 0) return;
  const columns = TABLES[table];
  const arrays = columns.map((_, c) => rows.map((row) => row[c]));
  await tx.query(
    `INSERT INTO ${table} (${columns.map(([name]) => name).join(", ")})
     SELECT * FROM unnest(${columns.map(([, type], i) => `$${i + 1}::${type}[]`).join(", ")})`,
    arrays,
  );
}
