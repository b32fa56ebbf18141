// Chooses the silo's engine from configuration: PostgreSQL when a URL is given,
// embedded PGlite under the data directory otherwise.
import { join } from "node:path";
import { PgSilo } from "./pg-silo.js";
import { PgliteSilo } from "./pglite-silo.js";
import { migrate } from "./migrate.js";
import type { Silo } from "./silo.js";

export interface SiloConfig {
  name: string;
  /** postgres://… — when unset, PGlite under `dataDir`. */
  databaseUrl?: string;
  /** Root for PGlite data (default .data); the silo lives in <dataDir>/<name>. "memory" = not persisted. */
  dataDir?: string;
  migrations: string;
}

export async function openSilo(config: SiloConfig): Promise<Silo> {
  let silo: Silo;
  if (config.databaseUrl) {
    silo = new PgSilo(config.name, config.databaseUrl);
  } else if (config.dataDir === "memory") {
    silo = await PgliteSilo.open(config.name);
  } else {
    const root = config.dataDir ?? ".data";
    silo = await PgliteSilo.open(config.name, join(root, config.name), join(root, ".template"));
  }
  try {
    await migrate(silo, config.migrations);
  } catch (error) {
    await silo.close().catch(() => undefined);
    throw error;
  }
  return silo;
}
