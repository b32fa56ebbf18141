// The silo part of every subgraph's configuration: <PREFIX>_DATABASE_URL or PGlite.
import { readString, readUrl } from "./env.js";

export interface SiloEnvConfig {
  databaseUrl?: string;
  dataDir: string;
}

export function readSiloConfig(env: Record<string, string | undefined>, prefix: string): SiloEnvConfig {
  return {
    databaseUrl: readUrl(env, `${prefix}_DATABASE_URL`, ["postgres:", "postgresql:"]),
    dataDir: readString(env, "DATA_DIR") ?? ".data",
  };
}
