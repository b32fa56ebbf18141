// Test silos on both engines. PostgreSQL tests get a fresh database each and drop it
// afterwards; when PostgreSQL is unreachable they fail (never skip): the suite must
// prove the production engine, not only the embedded one.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { migrate, PgliteSilo, PgSilo, type Silo } from "@onceonly/shared";

export const ENGINES = ["pglite", "postgres"] as const;
export type Engine = (typeof ENGINES)[number];

export const POSTGRES_ADMIN_URL = process.env.TEST_POSTGRES_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

export interface TestSilo {
  silo: Silo;
  /** The database URL (postgres only), for code under test that opens its own pool. */
  url?: string;
  dispose(): Promise<void>;
}

export async function openTestSilo(engine: Engine, name: string, migrations: string): Promise<TestSilo> {
  if (engine === "pglite") {
    const silo = await PgliteSilo.open(name);
    await migrate(silo, migrations);
    return { silo, dispose: () => silo.close() };
  }
  const database = `onceonly_test_${name}_${randomBytes(4).toString("hex")}`;
  await admin(`CREATE DATABASE ${database}`);
  const url = new URL(POSTGRES_ADMIN_URL);
  url.pathname = `/${database}`;
  const silo = new PgSilo(name, url.toString(), { max: 4 });
  await migrate(silo, migrations);
  return {
    silo,
    url: url.toString(),
    async dispose() {
      await silo.close();
      await admin(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    },
  };
}

// Private: one short-lived admin connection; database names are generated, not input.
async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_ADMIN_URL });
  try {
    await client.connect();
  } catch (error) {
    throw new Error(
      `PostgreSQL is unreachable at ${POSTGRES_ADMIN_URL} (${(error as Error).message}). ` +
        "The tests need it: start it with `pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start`.",
    );
  }
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** Counts statements a silo runs while `fn` runs, grouped by their first table name. */
export async function countStatements<T>(silos: Silo[], fn: () => Promise<T>): Promise<{ result: T; statements: { silo: string; text: string }[] }> {
  const statements: { silo: string; text: string }[] = [];
  const stops = silos.map((s) => s.onStatement((e) => statements.push({ silo: e.silo, text: e.text })));
  try {
    const result = await fn();
    return { result, statements };
  } finally {
    stops.forEach((stop) => stop());
  }
}
