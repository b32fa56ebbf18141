// The registry service's configuration, read once at start. Unset variables take their
// defaults; a variable that is set but invalid stops the start, naming it.
import { readInt, readPort, readSiloConfig, readString, type SiloEnvConfig } from "@onceonly/shared";

export const DEFAULT_REGISTRY_PORT = 4001;

export interface RegistryConfig {
  port: number;
  host: string;
  /** REGISTRY_DATABASE_URL (PostgreSQL) or PGlite under DATA_DIR. */
  silo: SiloEnvConfig;
  /** Demo persons to seed into an empty silo (SEED_DEMO_PERSONS); null = never seed. */
  seedDemo: { persons: number; seed: number } | null;
}

type Env = Record<string, string | undefined>;

export function readRegistryConfig(env: Env = process.env): RegistryConfig {
  return {
    port: readPort(env, "REGISTRY_PORT", DEFAULT_REGISTRY_PORT),
    host: readString(env, "REGISTRY_HOST") ?? "127.0.0.1",
    silo: readSiloConfig(env, "REGISTRY"),
    seedDemo:
      readString(env, "SEED_DEMO_PERSONS") === undefined
        ? null
        : {
            persons: readInt(env, "SEED_DEMO_PERSONS", 0, 1, 10_000_000),
            seed: readInt(env, "SEED_DEMO_SEED", 42, 0, 0xffffffff),
          },
  };
}
