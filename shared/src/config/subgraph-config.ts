// What every subgraph process reads: its port and bind address, its silo, the optional
// demo seed, and the gateway's signing secret (required: a subgraph never starts open).
// One reader so the three subgraphs cannot drift apart.
import { readInt, readPort, readString } from "./env.js";
import { readSiloConfig, type SiloEnvConfig } from "./silo-config.js";
import { readSigningConfig, type SigningConfig } from "../security/signing.js";

export interface DemoSeedConfig {
  persons: number;
  seed: number;
}

export interface SubgraphConfig {
  port: number;
  host: string;
  /** <PREFIX>_DATABASE_URL (PostgreSQL) or PGlite under DATA_DIR. */
  silo: SiloEnvConfig;
  /** Demo persons to load into an empty silo at start (SEED_DEMO_PERSONS); null = never. */
  demo: DemoSeedConfig | null;
  /** SUBGRAPH_SIGNING_SECRET and SIGNATURE_MAX_AGE_SECONDS: only requests the gateway signed are answered. */
  signing: SigningConfig;
}

type Env = Record<string, string | undefined>;

export function readSubgraphConfig(env: Env, prefix: "REGISTRY" | "LICENSES" | "CASES", defaultPort: number): SubgraphConfig {
  // Read even when no seeding is asked for: a set-but-invalid value is an error either way.
  const seed = readInt(env, "SEED_DEMO_SEED", 42, 0, 0xffffffff);
  return {
    port: readPort(env, `${prefix}_PORT`, defaultPort),
    host: readString(env, `${prefix}_HOST`) ?? "127.0.0.1",
    silo: readSiloConfig(env, prefix),
    demo:
      readString(env, "SEED_DEMO_PERSONS") === undefined
        ? null
        : { persons: readInt(env, "SEED_DEMO_PERSONS", 0, 1, 10_000_000), seed },
    signing: readSigningConfig(env),
  };
}
