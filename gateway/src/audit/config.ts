// Where the audit log lives and how it signs: its own store (never a department silo),
// PostgreSQL when AUDIT_DATABASE_URL is set, else embedded PGlite in DATA_DIR/audit.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { readInt, readSiloConfig, readString } from "@onceonly/shared";

export interface AuditConfig {
  /** postgres://… of the audit database; unset = PGlite in <dataDir>/audit. */
  databaseUrl?: string;
  dataDir: string;
  /** The Ed25519 private JWK that signs checkpoints; created (mode 0600) when missing. */
  keyFile: string;
  /** Records between two signed checkpoints. */
  checkpointEvery: number;
}

export const DEFAULT_CHECKPOINT_EVERY = 1000;

/**
 * The SQL migrations of the audit store. Resolved from the source folder both when this
 * runs from src/ (tests) and from dist/ (tsc does not copy .sql files).
 */
export const AUDIT_MIGRATIONS: string = fileURLToPath(new URL("../../src/audit/migrations", import.meta.url));

export function readAuditConfig(env: Record<string, string | undefined> = process.env): AuditConfig {
  const silo = readSiloConfig(env, "AUDIT");
  return {
    databaseUrl: silo.databaseUrl,
    dataDir: silo.dataDir,
    keyFile: readString(env, "AUDIT_KEY_FILE") ?? join(silo.dataDir, "audit-key.json"),
    checkpointEvery: readInt(env, "AUDIT_CHECKPOINT_EVERY", DEFAULT_CHECKPOINT_EVERY, 1, 1_000_000),
  };
}
