// Seeds a silo on first start only. Replicas of a subgraph may start together against
// one PostgreSQL: an advisory lock makes the second wait and then find the table full.
import type { Silo } from "./silo.js";

const SEED_LOCK_KEY = 0x0e1ce1;
// PGlite: one process owns the directory, but two callers in it could still interleave.
const inProcess = new WeakMap<Silo, Promise<unknown>>();

/** Runs `seed` when `table` has no rows; true when it ran. `seed` must use the silo, not a transaction. */
export async function seedIfEmpty(silo: Silo, table: string, seed: () => Promise<void>): Promise<boolean> {
  if (!/^[a-z_][a-z0-9_]*$/.test(table)) throw new RangeError(`seedIfEmpty: "${table}" is not a plain table name`);
  const isEmpty = async (q: Pick<Silo, "query">) => (await q.query(`SELECT 1 FROM ${table} LIMIT 1`)).length === 0;
  if (silo.kind === "pglite") {
    const run = async () => {
      if (!(await isEmpty(silo))) return false;
      await seed();
      return true;
    };
    const next = (inProcess.get(silo) ?? Promise.resolve()).then(run, run);
    inProcess.set(silo, next.catch(() => undefined));
    return next;
  }
  return silo.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    if (!(await isEmpty(tx))) return false;
    await seed(); // other pool connections; the lock holds until this transaction ends
    return true;
  });
}
