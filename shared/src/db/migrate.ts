// Versioned migrations: NNN_name.sql files applied in order, once, each in its own
// transaction, recorded in schema_migrations with a checksum. Several replicas may start
// at once against one PostgreSQL: an advisory lock makes them take turns.
import { createHash } from "node:crypto";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Silo, Transaction } from "./silo.js";

const LOCK_KEY = 0x0e1ce0; // any constant; shared by every OnceOnly migrator
const FILE = /^(\d{3})_[a-z0-9_]+\.sql$/;

export interface MigrationResult {
  applied: string[];
  skipped: string[];
}

export async function migrate(silo: Silo, directory: string): Promise<MigrationResult> {
  const files = (await readdir(directory)).filter((f) => FILE.test(f)).sort();
  const result: MigrationResult = { applied: [], skipped: [] };
  await silo.transaction(async (tx) => {
    await lock(silo, tx);
    await tx.exec(
      "CREATE TABLE IF NOT EXISTS schema_migrations (version text PRIMARY KEY, checksum text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
    );
  });
  for (const file of files) {
    const sql = await readFile(join(directory, file), "utf8");
    const checksum = createHash("sha256").update(sql).digest("hex");
    await silo.transaction(async (tx) => {
      await lock(silo, tx);
      const [done] = await tx.query<{ checksum: string }>("SELECT checksum FROM schema_migrations WHERE version = $1", [file]);
      if (done) {
        if (done.checksum !== checksum) {
          throw new Error(`migration ${file} of silo "${silo.name}" changed after it was applied (checksum ${done.checksum.slice(0, 12)} ≠ ${checksum.slice(0, 12)}); add a new migration instead`);
        }
        result.skipped.push(file);
        return;
      }
      await tx.exec(sql);
      await tx.query("INSERT INTO schema_migrations (version, checksum) VALUES ($1, $2)", [file, checksum]);
      result.applied.push(file);
    });
  }
  return result;
}

// Private: PGlite is a single connection, so only PostgreSQL needs the lock.
async function lock(silo: Silo, tx: Transaction): Promise<void> {
  if (silo.kind === "postgres") await tx.query("SELECT pg_advisory_xact_lock($1)", [LOCK_KEY]);
}
