// Seeds a silo on first start only. Replicas of a subgraph may start together against
// one PostgreSQL: an advisory lock makes the second wait and then find the data there.
import type { Silo } from "./silo.js";

const SEED_LOCK_KEY = 0x0e1ce1;
// PGlite: one process owns the directory, but two callers in it could still interleave.
const inProcess = new WeakMap<Silo, Promise<unknown>>();

/**
 * Runs `seed` unless `hasData()` says the silo is already populated; true when it ran.
 * Both callbacks use the silo itself (never a transaction): on PostgreSQL the lock is
 * held by a separate connection until seeding ends.
 */
export async function seedIfEmpty(silo: Silo, hasData: () => Promise<boolean>, seed: () => Promise<void>): Promise<boolean> {
  const run = async () => {
    if (await hasData()) return false;
    await seed();
    return true;
  };
  if (silo.kind === "pglite") {
    const next = (inProcess.get(silo) ?? Promise.resolve()).then(run, run);
    inProcess.set(silo, next.catch(() => undefined));
    return next;
  }
  return silo.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock($1)", [SEED_LOCK_KEY]);
    return run();
  });
}
