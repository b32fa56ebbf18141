// Redis going away under the whole stack (issue 7): the test runs its OWN redis-server on
// a free port (never the machine's shared one), runs window lookups with the cache warm,
// kills Redis mid-run — every answer stays the same, no request fails, the silos answer
// instead — then starts it again: the cache is used again (hits come back, the silos'
// statements go back to none). Not timed: it asserts answers and counts only.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDemo, RedisEntityCache, type EntityCache } from "@onceonly/shared";
import { WINDOW_LOOKUP_QUERY } from "../../scripts/src/window-lookup.js";
import { freePort, OwnRedis } from "../support/redis.js";
import { countStatements } from "../support/silos.js";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;
const APPLICANTS = 12;

/** The cache the subgraphs use, counting MGET calls and the entries they found. */
class CountingCache implements EntityCache {
  mgets = 0;
  hits = 0;
  constructor(readonly inner: RedisEntityCache) {}
  async mget(keys: string[]) {
    this.mgets++;
    const values = await this.inner.mget(keys);
    this.hits += values.filter((v) => v !== null).length;
    return values;
  }
  mset(entries: [string, string][], ttl: number) {
    return this.inner.mset(entries, ttl);
  }
  del(keys: string[]) {
    return this.inner.del(keys);
  }
  claim(entries: [string, string][], ttl: number) {
    return this.inner.claim(entries, ttl);
  }
  close() {
    return this.inner.close();
  }
  reset() {
    this.mgets = 0;
    this.hits = 0;
  }
}

describe("window lookups while the entity cache's Redis goes away and comes back (pglite silos)", () => {
  let redis: OwnRedis;
  let cache: CountingCache;
  let stack: Stack;
  let ids: string[];
  const expected = new Map<string, unknown>();

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    cache = new CountingCache(new RedisEntityCache({ url: redis.url, prefix: "outage-test:" }));
    expect(await cache.inner.ready(3000)).toBe(true);
    stack = await startStack("pglite", { persons: 200, seed: SEED }, { cache: { cache, freshness: { pollMs: 3_600_000 } } });
    const { showcasePerson } = describeDemo(SEED);
    const rows = await stack.silos.registry.query<{ gmsfhm: string }>(
      "SELECT DISTINCT gmsfhm FROM rk_jbxx WHERE gmsfhm IS NOT NULL AND zxrq IS NULL AND gmsfhm <> $1 ORDER BY gmsfhm LIMIT $2",
      [showcasePerson, APPLICANTS - 1],
    );
    ids = [showcasePerson, ...rows.map((r) => r.gmsfhm)];
  }, 180_000);
  afterAll(async () => {
    await stack?.close();
    await cache?.close();
    await redis?.stop();
  });

  /** One window lookup per applicant; checks every answer against the first one seen; the silos' statement count. */
  async function round(): Promise<number> {
    const silos = [stack.silos.registry, stack.silos.licenses, stack.silos.cases];
    const { statements } = await countStatements(silos, async () => {
      for (const id of ids) {
        const result = await stack.graphql<{ person: unknown }>(WINDOW_LOOKUP_QUERY, { idNumber: id });
        expect(result.errors, `window lookup for ${id}`).toBeUndefined();
        expect(result.data!.person).not.toBeNull();
        if (!expected.has(id)) expected.set(id, result.data!.person);
        expect(result.data!.person, `answer for ${id}`).toEqual(expected.get(id));
      }
    });
    return statements.length;
  }

  it("bypasses the cache while Redis is down, answering the same, and uses it again once Redis is back", async () => {
    const cold = await round(); // fills the cache
    cache.reset();
    const warm = await round();
    console.log(`[outage] statements for ${ids.length} window lookups: cold ${cold}, warm ${warm} (hits ${cache.hits})`);
    expect(cold).toBeGreaterThan(0);
    expect(warm).toBe(0);
    expect(cache.hits).toBeGreaterThan(0);

    await redis.stop();
    cache.reset();
    const down = await round();
    const downAgain = await round();
    console.log(`[outage] Redis down: statements ${down} then ${downAgain}, hits ${cache.hits}`);
    expect(cache.hits).toBe(0);
    expect(down).toBeGreaterThanOrEqual(cold); // the silos answer every lookup
    expect(downAgain).toBe(down); // nothing is cached anywhere while Redis is away

    await redis.start(); // empty again: --save "" keeps nothing
    expect(await cache.inner.ready(10_000)).toBe(true);
    await round(); // fills the new Redis
    cache.reset();
    const back = await round();
    console.log(`[outage] Redis back: statements ${back}, hits ${cache.hits}`);
    expect(back).toBe(0);
    expect(cache.hits).toBeGreaterThan(0);
  });
});
