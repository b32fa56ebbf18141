// Every environment variable OnceOnly reads, in one list. The env readers refuse a
// name that is not here, so this list cannot drift from the code; the README table,
// .env.example and docker-compose.yml are checked against it by tests.

export type Service = "gateway" | "registry" | "licenses" | "cases" | "start" | "seed" | "receipt";

export interface EnvVariable {
  name: string;
  services: readonly Service[];
  default: string;
  description: string;
}

const SUBGRAPHS = ["registry", "licenses", "cases"] as const;
const ALL = ["gateway", ...SUBGRAPHS, "start", "seed"] as const;

export const ENV_VARIABLES: readonly EnvVariable[] = [
  { name: "GATEWAY_PORT", services: ["gateway", "start"], default: "4000", description: "Gateway HTTP port (0 = any free port)" },
  { name: "GATEWAY_HOST", services: ["gateway", "start"], default: "127.0.0.1", description: "Gateway bind address (0.0.0.0 in containers)" },
  { name: "REGISTRY_URL", services: ["gateway"], default: "http://127.0.0.1:4001/graphql", description: "Registry subgraph GraphQL URL, as the gateway reaches it" },
  { name: "LICENSES_URL", services: ["gateway"], default: "http://127.0.0.1:4002/graphql", description: "Licences subgraph GraphQL URL" },
  { name: "CASES_URL", services: ["gateway"], default: "http://127.0.0.1:4003/graphql", description: "Cases subgraph GraphQL URL" },
  { name: "SUPERGRAPH_PATH", services: ["gateway", "start"], default: "gateway/supergraph.graphql", description: "Composed supergraph SDL (written by `npm run compose`)" },
  { name: "SUBGRAPH_TIMEOUT_MS", services: ["gateway", "start"], default: "10000", description: "How long the gateway waits on a subgraph: for its answer to start, and at most between two parts of it, ms" },
  { name: "REGISTRY_PORT", services: ["registry", "start"], default: "4001", description: "Registry subgraph HTTP port" },
  { name: "REGISTRY_HOST", services: ["registry"], default: "127.0.0.1", description: "Registry subgraph bind address" },
  { name: "REGISTRY_DATABASE_URL", services: ["registry", "start", "seed"], default: "(unset: PGlite in DATA_DIR/registry)", description: "PostgreSQL URL of the registry silo (户籍)" },
  { name: "LICENSES_PORT", services: ["licenses", "start"], default: "4002", description: "Licences subgraph HTTP port" },
  { name: "LICENSES_HOST", services: ["licenses"], default: "127.0.0.1", description: "Licences subgraph bind address" },
  { name: "LICENSES_DATABASE_URL", services: ["licenses", "start", "seed"], default: "(unset: PGlite in DATA_DIR/licenses)", description: "PostgreSQL URL of the licence silo (电子证照)" },
  { name: "CASES_PORT", services: ["cases", "start"], default: "4003", description: "Cases subgraph HTTP port" },
  { name: "CASES_HOST", services: ["cases"], default: "127.0.0.1", description: "Cases subgraph bind address" },
  { name: "CASES_DATABASE_URL", services: ["cases", "start", "seed"], default: "(unset: PGlite in DATA_DIR/cases)", description: "PostgreSQL URL of the case silo (办件)" },
  { name: "DATA_DIR", services: [...SUBGRAPHS, "start", "seed"], default: ".data", description: "Where embedded PGlite silos keep their data" },
  { name: "SEED_DEMO_PERSONS", services: [...SUBGRAPHS, "start"], default: "(unset: no seeding; npm start: 2000)", description: "Seed an empty silo with this many demo persons at start" },
  { name: "SEED_DEMO_SEED", services: [...SUBGRAPHS, "start"], default: "42", description: "Seed of the deterministic demo data" },
  { name: "REDIS_URL", services: [...SUBGRAPHS, "start"], default: "(unset: in-process LRU cache)", description: "Redis URL of the shared entity cache (redis:// or rediss://)" },
  { name: "CACHE_TTL_SECONDS", services: [...SUBGRAPHS, "start"], default: "60", description: "Time to live of a cached entity, s: the worst-case staleness bound" },
  { name: "CACHE_MAX_ENTRIES", services: [...SUBGRAPHS, "start"], default: "100000", description: "Entries each process keeps in memory: the LRU cache without REDIS_URL, the near cache in front of Redis with it; 0 = none (without REDIS_URL: no entity cache)" },
  { name: "CACHE_POLL_MS", services: [...SUBGRAPHS, "start"], default: "1000", description: "Change-feed polling backstop interval, ms (bound when LISTEN is lost)" },
  { name: "RECEIPT_KEYS_FILE", services: ["licenses", "start", "receipt"], default: "DATA_DIR/receipt-keys.json", description: "Key store of the Ed25519 keys that sign verification receipts (private JWKs, mode 0600)" },
  { name: "RECEIPT_TTL_SECONDS", services: ["licenses", "start", "receipt"], default: "604800 (7 days)", description: "Lifetime of a verification receipt; a retired signing key stays published this long" },
  { name: "RECEIPT_JWKS_URL", services: ["cases"], default: "http://127.0.0.1:4002/.well-known/jwks.json", description: "Published key set the cases service checks verification receipts against (the licences service's, or the gateway's copy)" },
  { name: "RECEIPT_MAX_AGE_SECONDS", services: ["cases", "start"], default: "3600", description: "Oldest verification receipt acceptCase takes for an e-licence material, s" },
  { name: "READINESS_MAX_AGE_SECONDS", services: ["cases", "start"], default: "3600", description: "Oldest readiness check acceptCase takes as the applicant's registry facts, s" },
  { name: "HOLIDAY_CALENDAR_FILE", services: ["cases", "start"], default: "(unset: bundled shared/calendars/cn-holidays.json)", description: "JSON calendar of public holidays and make-up working days (调休) for working-day time limits" },
  { name: "LOG_LEVEL", services: ALL, default: "info (npm start: warn)", description: "pino log level: fatal, error, warn, info, debug, trace, silent" },
  { name: "SERVICE_NAME", services: ALL, default: "onceonly", description: "Name in every log line" },
];

const NAMES = new Set(ENV_VARIABLES.map((v) => v.name));

export function assertDeclared(name: string): void {
  if (!NAMES.has(name)) {
    throw new Error(`environment variable ${name} is read but not declared in shared/src/config/variables.ts`);
  }
}
