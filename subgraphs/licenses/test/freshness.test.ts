// Freshness with the Redis entity cache on (README "Caching and freshness"): a licence
// revoked by SQL straight in the silo — not through the subgraph — stops being served
// as VALID within the stated bound, on each invalidation path:
//   LISTEN/NOTIFY: milliseconds; polling backstop (LISTEN lost): CACHE_POLL_MS;
//   both lost: CACHE_TTL_SECONDS. And the cache keeps the batching contract.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RedisEntityCache, type EntityCache, type RunningServer } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { deletePrefix, randomPrefix, SHARED_REDIS_URL } from "../../../test/support/redis.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { MIGRATIONS, startLicensesService, type LicensesServiceOptions } from "../src/server.js";
import { createSources, licenseCacheKey, LicensesSource } from "../src/source/index.js";
import { fixtures, insertFixtures, manyPersons, types } from "./fixtures.js";
import { entitiesQuery, executor } from "./support.js";

const LISTEN_BOUND_MS = 250;
const POLL_MS = 500;
const POLL_BOUND_MS = POLL_MS + 250; // one interval, plus the poll's statement and one read

describe.each(ENGINES)("licence freshness with Redis on %s", (engine) => {
  let test: TestSilo;
  const many = manyPersons(100, 500);
  const ids = many.licenses.map((l) => l.zzbs);
  let cache: RedisEntityCache;
  let prefix: string;
  let server: RunningServer | undefined;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo, { types, licenses: [...fixtures.licenses, ...many.licenses] });
  });
  afterAll(() => test?.dispose());
  afterEach(async () => {
    await server?.close();
    server = undefined;
    await cache?.close();
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  async function start(freshness: LicensesServiceOptions["freshness"]): Promise<void> {
    prefix = randomPrefix(); // a namespace per test
    cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
    if (!(await cache.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}`);
    server = await startLicensesService({ silo: test.silo, port: 0, cache, freshness, signing: TEST_SIGNING });
  }

  async function status(id: string): Promise<string> {
    const response = await signedFetch(server!.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: "query($id: ID!) { license(id: $id) { status } }", variables: { id } }),
    });
    const body = (await response.json()) as { data: { license: { status: string } } };
    return body.data.license.status;
  }

  /** Reads (so the licence is cached), revokes it by SQL, then measures until the subgraph says REVOKED. */
  async function revokeAndMeasure(id: string, giveUpMs: number): Promise<number> {
    expect(await status(id)).toBe("VALID");
    expect((await cache.mget([licenseCacheKey(id)]))[0]).not.toBeNull(); // served from the cache from now on
    await test.silo.query("UPDATE dzzz_zzxx SET zzzt = '吊销' WHERE zzbs = $1", [id]);
    const committed = performance.now();
    while (performance.now() - committed < giveUpMs) {
      if ((await status(id)) === "REVOKED") return performance.now() - committed;
      await new Promise((r) => setTimeout(r, 5));
    }
    throw new Error(`${id} still not REVOKED ${giveUpMs} ms after the commit`);
  }

  it(`LISTEN/NOTIFY: REVOKED within ${LISTEN_BOUND_MS} ms of the commit (polling out of the way)`, async () => {
    await start({ pollMs: 3_600_000 });
    const delay = await revokeAndMeasure(ids[0], 5000);
    console.log(`[${engine}] LISTEN invalidation: ${delay.toFixed(1)} ms`);
    expect(delay).toBeLessThan(LISTEN_BOUND_MS);
  });

  it(`LISTEN lost: the gxsj poll makes it REVOKED within CACHE_POLL_MS (${POLL_MS} ms)`, async () => {
    await start({ listen: false, pollMs: POLL_MS });
    const delay = await revokeAndMeasure(ids[1], 5000);
    console.log(`[${engine}] polling invalidation: ${delay.toFixed(1)} ms (CACHE_POLL_MS=${POLL_MS})`);
    expect(delay).toBeLessThan(POLL_BOUND_MS);
  });

  it("both lost: the entry expires after CACHE_TTL_SECONDS", async () => {
    await start({ listen: false, pollMs: 3_600_000, ttlSeconds: 1 });
    const delay = await revokeAndMeasure(ids[2], 5000);
    console.log(`[${engine}] TTL expiry: ${delay.toFixed(1)} ms (CACHE_TTL_SECONDS=1)`);
    expect(delay).toBeLessThan(1000 + 250);
  });

  // PostgreSQL only: PGlite has no connection that could be lost.
  if (engine === "postgres") it("a killed LISTEN connection reconnects by itself and invalidates again", async () => {
    await start({ pollMs: 3_600_000 });
    const admin = await import("pg").then(({ default: pg }) => new pg.Client({ connectionString: test.url }));
    await admin.connect();
    try {
      const killed = await admin.query("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'onceonly-licenses-listen'");
      expect(killed.rowCount).toBeGreaterThan(0);
      // Back when a new backend has run its LISTEN (first retry after 100 ms).
      const deadline = Date.now() + 5000;
      while (Date.now() < deadline) {
        const { rows } = await admin.query(
          "SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'onceonly-licenses-listen' AND query LIKE 'LISTEN%' AND state = 'idle'",
        );
        if (rows[0].n > 0) break;
        await new Promise((r) => setTimeout(r, 50));
      }
    } finally {
      await admin.end();
    }
    const delay = await revokeAndMeasure(ids[4], 5000);
    console.log(`[${engine}] LISTEN invalidation after a reconnect: ${delay.toFixed(1)} ms`);
    expect(delay).toBeLessThan(LISTEN_BOUND_MS);
  });

  it("a status write through the source drops the cached entry at once", async () => {
    await start({ listen: false, pollMs: 3_600_000 });
    const id = ids[3];
    expect(await status(id)).toBe("VALID");
    const source = new LicensesSource(test.silo, { cache, ttlSeconds: 60 });
    expect(await source.updateStatus(id, "REPORTED_LOST")).toBe(true);
    expect(await status(id)).toBe("REPORTED_LOST");
    expect(await source.updateStatus("1.2.156.3005.2.none", "REVOKED")).toBe(false);
  });

  it("100 licence reads with half cached: one MGET, one silo statement, same answers as the silo", async () => {
    prefix = randomPrefix();
    cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
    expect(await cache.ready(3000)).toBe(true);
    const mgets: number[] = [];
    const counting: EntityCache = {
      mget: (keys) => (mgets.push(keys.length), cache.mget(keys)),
      mset: (entries, ttl) => cache.mset(entries, ttl),
      del: (keys) => cache.del(keys),
      close: () => cache.close(),
    };
    const { buildLicensesSchema } = await import("../src/server.js");
    const schema = await buildLicensesSchema();
    const cached = executor(schema, test.silo, createSources(test.silo, { cache: counting, ttlSeconds: 60 }));
    const uncached = executor(schema, test.silo);
    const batch = ids.slice(10, 110);
    const query = entitiesQuery("... on License { id status validUntil updatedAt holder { __typename } }");
    const representations = (list: string[]) => list.map((id) => ({ __typename: "License", id }));

    await cached(query, { r: representations(batch.filter((_, i) => i % 2 === 0)) }); // warm half
    mgets.length = 0;
    const { result, statements } = await countStatements([test.silo], () => cached(query, { r: representations(batch) }));
    expect(result.errors).toBeUndefined();
    expect(mgets).toEqual([100]);
    expect(statements).toHaveLength(1);
    expect(statements[0].text).toMatch(/FROM dzzz_zzxx x WHERE x.zzbs = ANY/);
    // Hits decode to exactly what the silo says (Dates included).
    expect(result.data).toEqual((await uncached(query, { r: representations(batch) })).data);
  });
});
