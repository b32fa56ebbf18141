// Fixtures of the audit tests: a fresh audit store on either engine with a log over it,
// entries of one shape, and SQL run around the append-only triggers (what an attacker
// with superuser rights can do, and what the verifier must catch).
import pg from "pg";
import type { Silo } from "@onceonly/shared";
import type { AuditEntry } from "../src/audit/audit-entry.js";
import { AUDIT_MIGRATIONS } from "../src/audit/config.js";
import { generateAuditKey, type AuditSigningKey } from "../src/audit/key.js";
import { openAuditLog, type AuditLogOptions, type OpenedAuditLog } from "../src/audit/open-audit-log.js";
import { ENGINES, openTestSilo, POSTGRES_ADMIN_URL, type Engine, type TestSilo } from "../../test/support/silos.js";

export { ENGINES, type Engine };

export interface TestAudit {
  silo: Silo;
  log: OpenedAuditLog;
  key: AuditSigningKey;
  /** PostgreSQL only: the database URL, for a second log or the CLI. */
  url?: string;
  /** Closes the store under the log (the database "goes away"); dispose() still cleans up. */
  closeStore(): Promise<void>;
  dispose(): Promise<void>;
}

export async function openTestAudit(engine: Engine, options: Partial<Omit<AuditLogOptions, "silo">> = {}): Promise<TestAudit> {
  const store: TestSilo = await openTestSilo(engine, "audit", AUDIT_MIGRATIONS);
  try {
    const key = options.key ?? (await generateAuditKey());
    const log = await openAuditLog({ ...options, silo: store.silo, key });
    let storeClosed = false;
    return {
      silo: store.silo,
      log,
      key,
      url: store.url,
      async closeStore() {
        storeClosed = true;
        await store.silo.close();
      },
      async dispose() {
        await log.close().catch(() => undefined);
        if (!storeClosed) return store.dispose();
        if (store.url) await dropDatabase(store.url);
      },
    };
  } catch (error) {
    await store.dispose();
    throw error;
  }
}

const BASE = Date.parse("2025-03-03T01:00:00.000Z");

/** Entry `i`: a minute apart, two windows, subjects cycling over three ID numbers. */
export function entry(i: number, overrides: Partial<AuditEntry> = {}): AuditEntry {
  const subjects = ["511102199001011234", "51110219851231002X", "511102200202020021"];
  return {
    at: new Date(BASE + i * 60_000),
    requestId: `req-${i}`,
    window: i % 2 === 0 ? "LS-W01" : "LS-W02",
    department: "乐山市市中区政务服务中心",
    purpose: "MATTER-001",
    operationName: "WindowLookup",
    operationType: "query",
    subjects: [subjects[i % 3]],
    fields: ["Person.name", "Person.address"],
    outcome: i % 5 === 4 ? "PARTIAL" : "ALLOWED",
    denials: i % 5 === 4 ? [{ field: "Person.phone", code: "MISSING_SCOPE", subject: subjects[i % 3] }] : [],
    ...overrides,
  };
}

export async function appendMany(log: OpenedAuditLog, count: number, from = 0): Promise<void> {
  for (let i = from; i < from + count; i++) await log.append(entry(i));
}

/**
 * Runs SQL with triggers (and foreign keys) off, as a superuser could: the append-only
 * triggers are a guard rail, not the proof; the hash chain and the checkpoints are.
 */
export async function tamper(silo: Silo, sql: string, params: unknown[] = []): Promise<void> {
  await silo.transaction(async (tx) => {
    await tx.query("SET LOCAL session_replication_role = replica");
    await tx.query(sql, params);
  });
}

/** The error a statement fails with (fails the test when it succeeds). */
export async function refusal(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error("expected the statement to be refused");
}

// Private: what TestSilo.dispose does after closing, for a store a test closed itself.
async function dropDatabase(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${new URL(url).pathname.slice(1)} WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
