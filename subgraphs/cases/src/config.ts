// The cases subgraph's configuration, read once at start. Unset variables take their
// defaults; a variable set to something invalid stops the start, naming it.
import { readInt, readPort, readSiloConfig, readString, type SiloEnvConfig } from "@onceonly/shared";

export interface CasesConfig {
  port: number;
  host: string;
  silo: SiloEnvConfig;
  /** Demo persons to seed into an empty silo; undefined = never seed. */
  seedDemoPersons?: number;
  seedDemoSeed: number;
}

export function readCasesConfig(env: Record<string, string | undefined> = process.env): CasesConfig {
  return {
    port: readPort(env, "CASES_PORT", 4003),
    host: readString(env, "CASES_HOST") ?? "127.0.0.1",
    silo: readSiloConfig(env, "CASES"),
    seedDemoPersons:
      readString(env, "SEED_DEMO_PERSONS") === undefined ? undefined : readInt(env, "SEED_DEMO_PERSONS", 0, 1, 10_000_000),
    seedDemoSeed: readInt(env, "SEED_DEMO_SEED", 42, 0, 2 ** 31 - 1),
  };
}
