// The licences subgraph's configuration, read once at start. Unset variables take their
// defaults; set-but-invalid ones stop the start with a message naming the variable.
import { readInt, readPort, readSiloConfig, readString, type SiloEnvConfig } from "@onceonly/shared";

export const DEFAULT_PORT = 4002;

export interface DemoSeedConfig {
  persons: number;
  seed: number;
}

export interface LicensesConfig {
  port: number;
  host: string;
  /** LICENSES_DATABASE_URL (PostgreSQL) or PGlite under DATA_DIR. */
  silo: SiloEnvConfig;
  /** Set when SEED_DEMO_PERSONS is: load demo data into an empty silo on start. */
  demo: DemoSeedConfig | null;
}

type Env = Record<string, string | undefined>;

export function readLicensesConfig(env: Env): LicensesConfig {
  return {
    port: readPort(env, "LICENSES_PORT", DEFAULT_PORT),
    host: readString(env, "LICENSES_HOST") ?? "127.0.0.1",
    silo: readSiloConfig(env, "LICENSES"),
    demo:
      readString(env, "SEED_DEMO_PERSONS") === undefined
        ? null
        : {
            persons: readInt(env, "SEED_DEMO_PERSONS", 0, 1, 10_000_000),
            seed: readInt(env, "SEED_DEMO_SEED", 42, 0, 2 ** 31 - 1),
          },
  };
}
