// Every environment variable OnceOnly reads, in one list. The env readers refuse a
// name that is not here, so this list cannot drift from the code; the README table,
// .env.example and docker-compose.yml are checked against it by tests.

export type Service = "gateway" | "registry" | "licenses" | "cases" | "start" | "seed" | "receipt" | "token" | "audit" | "quality";

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
  { name: "DATA_DIR", services: ["gateway", ...SUBGRAPHS, "start", "seed", "token", "audit", "quality"], default: ".data", description: "Where embedded PGlite silos keep their data" },
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
  { name: "DEV_MODE", services: ["gateway", "start", "token", "quality"], default: "false (npm start: true)", description: "Development mode: the gateway also trusts the development token key (DATA_DIR/dev-token-key.json), `npm run token` mints tokens with it, introspection is on. Never in production" },
  { name: "AUTH_ISSUER", services: ["gateway", "token"], default: "onceonly-dev", description: "JWT issuer (iss) the gateway accepts" },
  { name: "AUTH_AUDIENCE", services: ["gateway", "token"], default: "onceonly-gateway", description: "JWT audience (aud) the gateway accepts" },
  { name: "AUTH_JWKS_URL", services: ["gateway"], default: "(unset)", description: "JWKS URL of the identity provider whose keys sign window tokens" },
  { name: "AUTH_PUBLIC_KEY_FILE", services: ["gateway"], default: "(unset)", description: "A public key (JWK or PEM) that signs window tokens, instead of or beside AUTH_JWKS_URL" },
  { name: "INTROSPECTION", services: ["gateway"], default: "false (DEV_MODE: true)", description: "Answer introspection queries (__schema, __type)" },
  { name: "MAX_DEPTH", services: ["gateway"], default: "12", description: "Deepest field nesting an operation may have (checked before planning)" },
  { name: "MAX_ALIASES", services: ["gateway"], default: "30", description: "Most aliases an operation may use" },
  { name: "MAX_ROOT_FIELDS", services: ["gateway"], default: "10", description: "Most root fields an operation may select" },
  { name: "MAX_COST", services: ["gateway"], default: "20000", description: "Highest estimated cost (fields times list sizes) an operation may have" },
  { name: "PERSISTED_OPERATIONS_FILE", services: ["gateway"], default: "(unset)", description: "Manifest of persisted operations (written by `npm run operations:manifest`); requests may send only the operation's sha256 id" },
  { name: "PERSISTED_OPERATIONS_ONLY", services: ["gateway"], default: "false", description: "Allowlist mode for production windows: only operations in PERSISTED_OPERATIONS_FILE run" },
  { name: "SUBGRAPH_SIGNING_SECRET", services: ["gateway", ...SUBGRAPHS, "start"], default: "(unset: subgraphs refuse to start; npm start: random per run)", description: "Shared secret (at least 32 characters) of the HMAC the gateway signs every subgraph request with; subgraphs answer only signed requests" },
  { name: "SIGNATURE_MAX_AGE_SECONDS", services: [...SUBGRAPHS], default: "30", description: "How old a signed gateway request may be before a subgraph refuses it (replays within it are refused by nonce)" },
  { name: "AUDIT_DATABASE_URL", services: ["gateway", "start", "audit"], default: "(unset: PGlite in DATA_DIR/audit)", description: "PostgreSQL URL of the gateway's audit log (append-only, hash-chained)" },
  { name: "AUDIT_KEY_FILE", services: ["gateway", "start", "audit"], default: "DATA_DIR/audit-key.json", description: "Ed25519 key that signs the audit log's checkpoints (private JWK, mode 0600)" },
  { name: "AUDIT_CHECKPOINT_EVERY", services: ["gateway"], default: "1000", description: "Audit records between two signed checkpoints (one is also written at least once a minute and at shutdown)" },
  { name: "QUALITY_REPORTS_DIR", services: ["gateway", "start", "quality"], default: "DATA_DIR/quality-reports", description: "Where the data quality reports are kept (one JSON per run: the history the trend and the stewards' GraphQL query read)" },
  { name: "GATEWAY_URL", services: ["quality"], default: "http://127.0.0.1:4000/graphql", description: "The gateway `npm run report:quality` reads the silos through" },
  { name: "ONCEONLY_TOKEN", services: ["quality"], default: "(unset; DEV_MODE: a steward token from the development key)", description: "Bearer token `npm run report:quality` sends: a steward's (quality:read registry:read licenses:read cases:read)" },
  { name: "LOG_LEVEL", services: ALL, default: "info (npm start: warn)", description: "pino log level: fatal, error, warn, info, debug, trace, silent" },
  { name: "SERVICE_NAME", services: ALL, default: "onceonly", description: "Name in every log line" },
];

const NAMES = new Set(ENV_VARIABLES.map((v) => v.name));

export function assertDeclared(name: string): void {
  if (!NAMES.has(name)) {
    throw new Error(`environment variable ${name} is read but not declared in shared/src/config/variables.ts`);
  }
}
