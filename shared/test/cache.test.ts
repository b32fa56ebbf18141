// The entity cache: both implementations keep the same contract, cachedBatch costs one
// MGET and one batch call whatever the mix of hits, and Redis going away (and coming
// back) never surfaces to callers. Uses the REAL Redis: fails, never skips, without it.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { cachedBatch, ConfigError, decodeValue, encodeValue, LruEntityCache, openEntityCache, readCacheConfig, RedisEntityCache, TieredEntityCache, type EntityCache } from "@onceonly/shared";
import { deletePrefix, freePort, OwnRedis, randomPrefix, SHARED_REDIS_URL } from "../../test/support/redis.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("value codec", () => {
  it("keeps Dates as Dates at any depth, everything else as JSON", () => {
    const value = { id: "x", updatedAt: new Date("2026-01-02T03:04:05.678Z"), nested: [{ at: new Date(0) }], none: null };
    const back = decodeValue<typeof value>(encodeValue(value));
    expect(back).toEqual(value);
    expect(back.updatedAt).toBeInstanceOf(Date);
    expect(back.nested[0].at).toBeInstanceOf(Date);
    // The value written is not changed by encoding it.
    expect(value.updatedAt).toBeInstanceOf(Date);
  });

  it("keeps a tag-shaped key under __proto__ an own property, never a prototype", () => {
    const back = decodeValue<Record<string, unknown>>('{"__proto__":{"$date":"2026-01-02T03:04:05.678Z"},"x":1}');
    expect(Object.getPrototypeOf(back)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toEqual(new Date("2026-01-02T03:04:05.678Z"));
  });

  it("writes the same JSON as stringify when there is no Date, and leaves an object's own toJSON to it", () => {
    const plain = { a: [1, "二", null, { b: true }], c: { d: 1.5 } };
    expect(encodeValue(plain)).toBe(JSON.stringify(plain));
    const custom = { toJSON: () => "custom" };
    expect(encodeValue({ custom })).toBe('{"custom":"custom"}');
  });
});

describe("cache configuration", () => {
  it("defaults to the in-process LRU; REDIS_URL picks Redis behind a near cache; invalid values fail naming the variable", async () => {
    expect(readCacheConfig({})).toEqual({ redisUrl: null, ttlSeconds: 60, maxEntries: 100_000, pollMs: 1000 });
    const lru = openEntityCache(readCacheConfig({}));
    expect(lru).toBeInstanceOf(LruEntityCache);
    await lru.close();
    // With Redis: a near cache of CACHE_MAX_ENTRIES in front of it, or Redis alone with 0.
    const tiered = openEntityCache(readCacheConfig({ REDIS_URL: SHARED_REDIS_URL, CACHE_TTL_SECONDS: "5" }));
    expect(tiered).toBeInstanceOf(TieredEntityCache);
    expect((tiered as TieredEntityCache).shared).toBeInstanceOf(RedisEntityCache);
    await tiered.close();
    const redis = openEntityCache(readCacheConfig({ REDIS_URL: SHARED_REDIS_URL, CACHE_MAX_ENTRIES: "0" }));
    expect(redis).toBeInstanceOf(RedisEntityCache);
    await redis.close();
    expect(() => readCacheConfig({ REDIS_URL: "http://x" })).toThrow(ConfigError);
    expect(() => readCacheConfig({ CACHE_TTL_SECONDS: "0" })).toThrow(/CACHE_TTL_SECONDS="0"/);
    expect(() => readCacheConfig({ CACHE_POLL_MS: "fast" })).toThrow(/CACHE_POLL_MS/);
  });
});

const implementations: [string, () => Promise<{ cache: EntityCache; cleanup(): Promise<void> }>][] = [
  ["lru", async () => ({ cache: new LruEntityCache({ maxEntries: 1000 }), cleanup: async () => undefined })],
  [
    "redis",
    async () => {
      const prefix = randomPrefix();
      const cache = new RedisEntityCache({ url: SHARED_REDIS_URL, prefix });
      if (!(await cache.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}: start it (redis-server --daemonize yes)`);
      return { cache, cleanup: async () => (await cache.close(), await deletePrefix(SHARED_REDIS_URL, prefix)) };
    },
  ],
];

describe.each(implementations)("%s entity cache", (_name, open) => {
  let cache: EntityCache;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ cache, cleanup } = await open()));
  afterAll(() => cleanup?.());

  it("mget answers in key order, null for absent keys; del removes", async () => {
    await cache.mset([["a", "1"], ["b", "2"]], 60);
    expect(await cache.mget(["b", "missing", "a"])).toEqual(["2", null, "1"]);
    await cache.del(["a", "never-set"]);
    expect(await cache.mget(["a", "b"])).toEqual([null, "2"]);
    expect(await cache.mget([])).toEqual([]);
  });

  it("entries expire after their TTL", async () => {
    await cache.mset([["short", "x"]], 1);
    expect(await cache.mget(["short"])).toEqual(["x"]);
    await sleep(1300);
    expect(await cache.mget(["short"])).toEqual([null]);
  });

  it("cachedBatch: one mget, the misses to the batch in one call, hits written back, nulls not cached", async () => {
    const mget = vi.spyOn(cache, "mget");
    const batch = vi.fn(async (keys: readonly number[]) => keys.map((k) => (k % 5 === 0 ? null : { k, at: new Date(k * 1000) })));
    const load = cachedBatch<number, { k: number; at: Date }>({ cache, namespace: `t${Math.random()}`, ttlSeconds: 60, key: String, batch });
    const first = Array.from({ length: 10 }, (_, i) => i + 1);
    await load(first.filter((k) => k % 2 === 0)); // warm the even keys
    batch.mockClear();
    mget.mockClear();

    const result = await load(first);
    expect(mget).toHaveBeenCalledTimes(1);
    expect(batch).toHaveBeenCalledTimes(1);
    expect(batch.mock.calls[0][0]).toEqual([1, 3, 5, 7, 9, 10]); // the misses, plus 10 (null is not cached)
    expect(result.map((r) => r?.k ?? null)).toEqual([1, 2, 3, 4, null, 6, 7, 8, 9, null]);
    expect(result[1]?.at).toEqual(new Date(2000)); // a hit, decoded with its Date
    mget.mockRestore();
  });
});

describe("Redis going away and coming back", () => {
  let redis: OwnRedis;
  let cache: RedisEntityCache;
  const lines: { level: number; msg: string }[] = [];
  const log = pino({ level: "info" }, new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }));

  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
    cache = new RedisEntityCache({ url: redis.url, log });
    expect(await cache.ready()).toBe(true);
  });
  afterAll(async () => {
    await cache?.close();
    await redis?.stop();
  });

  it("answers misses without errors while down, logs it once, and is used again when back", async () => {
    const batch = vi.fn(async (keys: readonly string[]) => keys.map((k) => `value of ${k}`));
    const load = cachedBatch<string, string>({ cache, namespace: "own", ttlSeconds: 60, key: (k) => k, batch });
    expect(await load(["a", "b"])).toEqual(["value of a", "value of b"]);
    expect(await cache.mget(["own:a"])).toEqual([JSON.stringify("value of a")]);

    await redis.stop();
    batch.mockClear();
    for (let i = 0; i < 5; i++) {
      const started = Date.now();
      expect(await load(["a", "b"])).toEqual(["value of a", "value of b"]); // correct, straight from the batch
      expect(await cache.mget(["own:a"])).toEqual([null]);
      await cache.mset([["own:c", "x"]], 60);
      await cache.del(["own:a"]);
      expect(Date.now() - started).toBeLessThan(1000); // never waits on the dead server
      await sleep(100);
    }
    expect(batch).toHaveBeenCalledTimes(5);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1); // warn, once

    await redis.start(); // same port, empty (no persistence)
    expect(await cache.ready(5000)).toBe(true);
    batch.mockClear();
    expect(await load(["a"])).toEqual(["value of a"]); // miss: refills
    expect(await load(["a"])).toEqual(["value of a"]); // hit
    expect(batch).toHaveBeenCalledTimes(1);
    expect(lines.filter((l) => l.msg === "entity cache back")).toHaveLength(1);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
  });
});
