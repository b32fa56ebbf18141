// The silo layer on both engines: same SQL, same conversions, migrations applied once
// (also by replicas starting together), seeding once.
import { mkdtemp, writeFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyLine, migrate, PgSilo, seedIfEmpty } from "@onceonly/shared";
import { ENGINES, openTestSilo, type TestSilo } from "../../test/support/silos.js";

let migrations: string;

beforeAll(async () => {
  migrations = await mkdtemp(join(tmpdir(), "onceonly-migrations-"));
  await writeFile(join(migrations, "001_init.sql"), "CREATE TABLE t (id int PRIMARY KEY, d date, n text, ts timestamptz);\nCREATE TABLE u (id int);");
  await writeFile(join(migrations, "README.txt"), "not a migration");
});
afterAll(() => rm(migrations, { recursive: true, force: true }));

describe.each(ENGINES)("silo on %s", (engine) => {
  let test: TestSilo;
  beforeAll(async () => {
    test = await openTestSilo(engine, "dbtest", migrations);
  });
  afterAll(() => test?.dispose());

  it("returns DATE as YYYY-MM-DD, int8 as number, timestamptz as Date", async () => {
    await test.silo.query("INSERT INTO t VALUES ($1, $2, $3, $4)", [1, "2024-02-29", "x", "2024-01-01T00:00:00Z"]);
    const [row] = await test.silo.query<{ d: string; c: number; ts: Date }>("SELECT d, count(*) OVER () AS c, ts FROM t WHERE id = $1", [1]);
    expect(row).toEqual({ d: "2024-02-29", c: 1, ts: new Date("2024-01-01T00:00:00Z") });
  });

  it("loads rows with COPY, escaping tabs, newlines, backslashes and nulls", async () => {
    const lines = [copyLine([2, "2020-01-01", "a\tb\nc\\d", null]), copyLine([3, null, "乐山市", new Date("2020-05-05T00:00:00Z")])];
    await test.silo.copyRows("t", ["id", "d", "n", "ts"], lines);
    const rows = await test.silo.query("SELECT id, d, n, ts FROM t WHERE id > 1 ORDER BY id");
    expect(rows).toEqual([
      { id: 2, d: "2020-01-01", n: "a\tb\nc\\d", ts: null },
      { id: 3, d: null, n: "乐山市", ts: new Date("2020-05-05T00:00:00Z") },
    ]);
  });

  it("rolls a failed transaction back", async () => {
    await expect(
      test.silo.transaction(async (tx) => {
        await tx.query("INSERT INTO u VALUES ($1)", [1]);
        throw new Error("boom");
      }),
    ).rejects.toThrow("boom");
    expect(await test.silo.query("SELECT * FROM u")).toEqual([]);
  });

  it("applies a migration once and refuses one edited after it was applied", async () => {
    expect(await migrate(test.silo, migrations)).toEqual({ applied: [], skipped: ["001_init.sql"] });
    const edited = await mkdtemp(join(tmpdir(), "onceonly-edited-"));
    await writeFile(join(edited, "001_init.sql"), "CREATE TABLE t (id int);");
    await expect(migrate(test.silo, edited)).rejects.toThrow(/001_init.sql .* changed after it was applied/);
    await rm(edited, { recursive: true, force: true });
  });

  it("seeds an empty table once, also when two starts race", async () => {
    let runs = 0;
    const seed = async () => {
      runs++;
      await new Promise((r) => setTimeout(r, 50));
      await test.silo.query("INSERT INTO u VALUES ($1)", [runs]);
    };
    const hasData = async () => (await test.silo.query("SELECT 1 FROM u LIMIT 1")).length > 0;
    const results = await Promise.all([seedIfEmpty(test.silo, hasData, seed), seedIfEmpty(test.silo, hasData, seed)]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(runs).toBe(1);
  });
});

describe("PostgreSQL silo when the server drops its connections", () => {
  it("survives the termination of idle connections and serves the next query", async () => {
    const test = await openTestSilo("postgres", "dropped", migrations);
    try {
      await test.silo.query("SELECT 1"); // leaves an idle pooled connection
      const admin = new PgSilo("admin", test.url!, { max: 1 });
      await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1", ["onceonly-dropped"]);
      await admin.close();
      await new Promise((r) => setTimeout(r, 100)); // let the FATAL reach the idle client
      expect(await test.silo.query("SELECT 2 AS n")).toEqual([{ n: 2 }]);
    } finally {
      await test.dispose();
    }
  });
});

describe("migrations on PostgreSQL with replicas starting together", () => {
  it("apply once when several migrators run at the same time", async () => {
    const test = await openTestSilo("postgres", "racing", migrations);
    try {
      await test.silo.exec("DROP TABLE t; DROP TABLE u; DELETE FROM schema_migrations;");
      const replicas = [0, 1, 2].map(() => new PgSilo("racing", test.url!, { max: 2 }));
      const results = await Promise.all(replicas.map((r) => migrate(r, migrations)));
      expect(results.map((r) => r.applied.length).sort()).toEqual([0, 0, 1]);
      await Promise.all(replicas.map((r) => r.close()));
    } finally {
      await test.dispose();
    }
  });
});
