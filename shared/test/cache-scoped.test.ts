// Lists cached per owner in several variants (scoped-batch.ts), the change feed's key
// batching, and a delete Redis did not take being replayed once it answers again.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createClient } from "redis";
import {
  CACHE_NAMESPACES,
  DEFAULT_CATALOGUE_TTL_SECONDS,
  forgetScopes,
  LruEntityCache,
  PgliteSilo,
  RedisEntityCache,
  scopedBatch,
  startChangeFeed,
  ttlOf,
  logger,
  type BoundCache,
} from "@onceonly/shared";
import { deletePrefix, freePort, OwnRedis, randomPrefix, SHARED_REDIS_URL } from "../../test/support/redis.js";

const NS = CACHE_NAMESPACES.cases;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe("namespaces and lifetimes", () => {
  it("entity namespaces live CACHE_TTL_SECONDS, the catalogue its own (long) TTL", () => {
    expect(ttlOf(NS.case, { ttlSeconds: 7 })).toBe(7);
    expect(ttlOf(NS.matter, { ttlSeconds: 7 })).toBe(DEFAULT_CATALOGUE_TTL_SECONDS);
    expect(ttlOf(CACHE_NAMESPACES.licenses.type, { ttlSeconds: 7, catalogueTtlSeconds: 90 })).toBe(90);
    const names = Object.values(CACHE_NAMESPACES).flatMap((group) => Object.values(group).map((ns) => ns.name));
    expect(new Set(names).size).toBe(names.length); // no two entity types share a namespace
  });
});

describe("scopedBatch", () => {
  const bound: BoundCache = { cache: new LruEntityCache({ maxEntries: 1000 }), ttlSeconds: 60 };
  const reads: string[][] = [];
  let version = 1;
  const pages = (variant: string) =>
    scopedBatch<string[]>({
      bound,
      scope: NS.applicantScope,
      namespace: NS.applicantPage,
      variant,
      batch: async (owners) => (reads.push([...owners]), owners.map((o) => [`${o}/${variant}/v${version}`])),
    });

  it("two MGETs per batch (tokens, lists), the misses in one call; an empty list is cached too", async () => {
    const mget = vi.spyOn(bound.cache, "mget");
    const load = pages("all");
    expect(await load(["a", "b"])).toEqual([["a/all/v1"], ["b/all/v1"]]);
    expect(reads).toEqual([["a", "b"]]);
    expect(mget).toHaveBeenCalledTimes(2);
    mget.mockClear();
    expect(await load(["a", "b", "c"])).toEqual([["a/all/v1"], ["b/all/v1"], ["c/all/v1"]]);
    expect(reads).toEqual([["a", "b"], ["c"]]);
    expect(mget).toHaveBeenCalledTimes(2);
    const empty = scopedBatch<string[]>({ bound, scope: NS.applicantScope, namespace: NS.applicantPage, variant: "none", batch: async (o) => o.map(() => []) });
    await empty(["a"]);
    const spy = vi.fn(async (o: readonly string[]) => o.map(() => ["x"]));
    expect(await scopedBatch<string[]>({ bound, scope: NS.applicantScope, namespace: NS.applicantPage, variant: "none", batch: spy })(["a"])).toEqual([[]]);
    expect(spy).not.toHaveBeenCalled();
  });

  it("forgetting an owner drops every variant of its lists, and no other owner's", async () => {
    await pages("done")(["a", "b"]);
    version = 2;
    reads.length = 0;
    await forgetScopes(bound, NS.applicantScope, ["a"]);
    expect(await pages("all")(["a", "b"])).toEqual([["a/all/v2"], ["b/all/v1"]]);
    expect(await pages("done")(["a", "b"])).toEqual([["a/done/v2"], ["b/done/v1"]]);
    expect(reads).toEqual([["a"], ["a"]]);
  });

  it("two loaders of one owner going cold at once agree on one generation: both are warm afterwards", async () => {
    const prefix = randomPrefix();
    for (const cache of [new LruEntityCache({ maxEntries: 100 }), new RedisEntityCache({ url: SHARED_REDIS_URL, prefix })]) {
      if (cache instanceof RedisEntityCache) expect(await cache.ready(3000)).toBe(true);
      const shared: BoundCache = { cache, ttlSeconds: 60 };
      const calls = vi.fn(async (o: readonly string[]) => o.map(() => ["x"]));
      const variant = (v: string) => scopedBatch<string[]>({ bound: shared, scope: NS.applicantScope, namespace: NS.applicantPage, variant: v, batch: calls });
      await Promise.all([variant("one")(["o"]), variant("two")(["o"])]);
      expect(calls).toHaveBeenCalledTimes(2);
      await Promise.all([variant("one")(["o"]), variant("two")(["o"])]);
      expect(calls).toHaveBeenCalledTimes(2);
      await cache.close();
    }
    await deletePrefix(SHARED_REDIS_URL, prefix);
  });

  it("a read that began before a write's commit cannot leave its old answer behind", async () => {
    let release!: () => void;
    const slow = scopedBatch<string[]>({
      bound,
      scope: NS.applicantScope,
      namespace: NS.applicantPage,
      variant: "race",
      batch: async (owners) => {
        await new Promise<void>((r) => (release = r)); // the silo answers with the old state…
        return owners.map(() => ["old"]);
      },
    });
    const reading = slow(["r"]);
    await sleep(10);
    await forgetScopes(bound, NS.applicantScope, ["r"]); // …while the write commits and forgets
    release();
    expect(await reading).toEqual([["old"]]);
    const fresh = scopedBatch<string[]>({ bound, scope: NS.applicantScope, namespace: NS.applicantPage, variant: "race", batch: async (o) => o.map(() => ["new"]) });
    expect(await fresh(["r"])).toEqual([["new"]]);
  });
});

describe("change feed", () => {
  let silo: PgliteSilo;
  beforeAll(async () => {
    silo = await PgliteSilo.open("feed-test");
    await silo.exec("CREATE TABLE t (k text PRIMARY KEY, gxsj timestamptz NOT NULL DEFAULT now())");
  });
  afterAll(() => silo?.close());

  it("keys notified together are forgotten in one call; the poll finds rows by gxsj", async () => {
    const calls: string[][] = [];
    const feed = await startChangeFeed({
      silo,
      channels: [{ channel: "t_changed", keys: (p) => [`t:${p}`] }],
      pollSql: "SELECT 'p:' || k AS key, gxsj FROM t WHERE gxsj > $1",
      pollMs: 100,
      forget: async (keys) => void calls.push(keys),
      log: logger,
    });
    try {
      await silo.query("SELECT pg_notify('t_changed', k) FROM unnest(ARRAY['a','b','c']) k");
      await sleep(50);
      expect(calls[0]).toEqual(["t:a", "t:b", "t:c"]);
      await silo.query("INSERT INTO t (k) VALUES ('x'), ('y')");
      await sleep(250);
      expect(calls.flat()).toEqual(expect.arrayContaining(["p:x", "p:y"]));
      // A gxsj far in the future does not blind the poll to later changes.
      await silo.query("INSERT INTO t (k, gxsj) VALUES ('future', now() + interval '1 day')");
      await sleep(250);
      calls.length = 0;
      await silo.query("INSERT INTO t (k) VALUES ('later')");
      await sleep(250);
      expect(calls.flat()).toContain("p:later");
    } finally {
      await feed.stop();
    }
  });
});

describe("a delete Redis did not take (own redis-server)", () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
  });
  afterAll(() => redis?.stop());

  it("is kept and replayed when Redis answers again, so the old entry does not outlive the outage", async () => {
    const cache = new RedisEntityCache({ url: redis.url, prefix: "replay:" });
    const admin = createClient({ url: redis.url });
    await admin.connect();
    try {
      expect(await cache.ready(3000)).toBe(true);
      await cache.mset([["k", "old"]], 60);
      // Redis stops answering (a stall, not a restart: it keeps the entry).
      await admin.sendCommand(["CLIENT", "PAUSE", "700", "ALL"]);
      await cache.del(["k"]);
      expect(cache.pendingDeleteCount).toBe(1);
      await sleep(800);
      // The next command that gets an answer brings the replay.
      await cache.mget(["other"]);
      const deadline = Date.now() + 3000;
      while (cache.pendingDeleteCount > 0 && Date.now() < deadline) await sleep(20);
      expect(cache.pendingDeleteCount).toBe(0); // replayed, not merely given up on
      expect(await admin.get("replay:k")).toBeNull();
    } finally {
      await admin.close();
      await cache.close();
    }
  });
});
