// Is a silo already seeded, and emptying it on request. Seeding never deletes silently:
// callers check first and reset only when the user asked for it (--reset).
import type { Silo } from "../db/silo.js";
import { DEMO_SILO_TABLES, type DemoSiloName } from "./tables.js";

/** True when any of the silo's demo tables holds a row. */
export async function demoSiloHasData(silo: Silo, name: DemoSiloName): Promise<boolean> {
  const probes = DEMO_SILO_TABLES[name].map((t) => `SELECT EXISTS (SELECT 1 FROM ${t}) AS found`).join(" UNION ALL ");
  const rows = await silo.query<{ found: boolean }>(probes);
  return rows.some((r) => r.found);
}

/** Empties the silo's demo tables (TRUNCATE, serial counters restarted). */
export async function resetDemoSilo(silo: Silo, name: DemoSiloName): Promise<void> {
  await silo.exec(`TRUNCATE ${DEMO_SILO_TABLES[name].join(", ")} RESTART IDENTITY`);
}
