// The nonce stores behind the subgraphs' replay check: first claim true, every later one
// false until it expires; Redis shares claims between instances (two stores = two
// replicas); Redis going away falls back to the process's memory without an error,
// logged once, and Redis coming back is used again. The Redis outage runs on a private
// redis-server; the shared one is used only under a random prefix.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MemoryNonceStore, openNonceStore, RedisNonceStore, type NonceStore } from "@onceonly/shared";
import { deletePrefix, freePort, OwnRedis, randomPrefix, SHARED_REDIS_URL } from "../../test/support/redis.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let counter = 0;
const nonce = () => `nonce-${process.pid}-${Date.now()}-${counter++}`;

function capturingLogger() {
  const lines: { level: number; msg: string; maxEntries?: number }[] = [];
  const log = pino({ level: "info" }, new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
  return { log, lines };
}

describe.each([
  ["memory", async () => ({ store: new MemoryNonceStore() as NonceStore, cleanup: async () => undefined })],
  [
    "redis",
    async () => {
      const prefix = randomPrefix();
      const store = new RedisNonceStore({ url: SHARED_REDIS_URL, prefix });
      if (!(await store.ready(3000))) throw new Error(`Redis is unreachable at ${SHARED_REDIS_URL}: start it (redis-server --daemonize yes)`);
      return { store: store as NonceStore, cleanup: async () => (await store.close(), await deletePrefix(SHARED_REDIS_URL, prefix)) };
    },
  ],
] as const)("%s nonce store", (_name, open) => {
  let store: NonceStore;
  let cleanup: () => Promise<void>;
  beforeAll(async () => ({ store, cleanup } = await open()));
  afterAll(() => cleanup?.());

  it("answers true the first time, false after", async () => {
    const n = nonce();
    expect(await store.claim(n, 30)).toBe(true);
    expect(await store.claim(n, 30)).toBe(false);
    expect(await store.claim(nonce(), 30)).toBe(true);
  });

  it("forgets a nonce after its TTL", async () => {
    const n = nonce();
    expect(await store.claim(n, 1)).toBe(true);
    await sleep(1100);
    expect(await store.claim(n, 1)).toBe(true);
  });
});

describe("memory nonce store bound", () => {
  it("forgets the oldest nonces past maxEntries, and says once that live ones were dropped", async () => {
    const { log, lines } = capturingLogger();
    const store = new MemoryNonceStore({ maxEntries: 2, log });
    for (const n of ["a".repeat(16), "b".repeat(16), "c".repeat(16), "d".repeat(16)]) expect(await store.claim(n, 30)).toBe(true);
    expect(await store.claim("a".repeat(16), 30)).toBe(true); // evicted: its replay is no longer caught
    expect(await store.claim("d".repeat(16), 30)).toBe(false);
    expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
    expect(lines[0].msg).toMatch(/nonce store full.*REDIS_URL/);
  });
});

describe("openNonceStore", () => {
  it("picks Redis with REDIS_URL, the process's memory without", async () => {
    const memory = openNonceStore({});
    expect(memory).toBeInstanceOf(MemoryNonceStore);
    const redis = openNonceStore({ REDIS_URL: SHARED_REDIS_URL });
    expect(redis).toBeInstanceOf(RedisNonceStore);
    await Promise.all([memory.close(), redis.close()]);
    expect(() => openNonceStore({ REDIS_URL: "http://x" })).toThrow(/REDIS_URL/);
  });
});

describe("redis nonce store across instances and outages", () => {
  let redis: OwnRedis;
  beforeAll(async () => {
    redis = new OwnRedis(await freePort());
    await redis.start();
  });
  afterAll(() => redis?.stop());

  it("two instances share their claims: a request answered by one is refused by the other", async () => {
    const prefix = randomPrefix();
    const [a, b] = [new RedisNonceStore({ url: redis.url, prefix }), new RedisNonceStore({ url: redis.url, prefix })];
    try {
      expect(await a.ready()).toBe(true);
      expect(await b.ready()).toBe(true);
      const n = nonce();
      expect(await a.claim(n, 30)).toBe(true);
      expect(await b.claim(n, 30)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });

  it("Redis going away: claims fall back to local memory without an error, logged once; back, they are shared again", async () => {
    const { log, lines } = capturingLogger();
    const prefix = randomPrefix();
    const store = new RedisNonceStore({ url: redis.url, prefix, log });
    const other = new RedisNonceStore({ url: redis.url, prefix });
    try {
      expect(await store.ready()).toBe(true);
      const before = nonce();
      expect(await store.claim(before, 30)).toBe(true);

      await redis.stop();
      const during = nonce();
      const started = Date.now();
      expect(await store.claim(during, 30)).toBe(true);
      expect(await store.claim(during, 30)).toBe(false); // same instance: still caught
      expect(await store.claim(before, 30)).toBe(false);
      for (let i = 0; i < 20; i++) expect(await store.claim(nonce(), 30)).toBe(true);
      expect(Date.now() - started).toBeLessThan(2000); // no request waits on the dead Redis for long
      expect(store.shared).toBe(false);
      const warnings = lines.filter((l) => l.level === 40);
      expect(warnings).toHaveLength(1);
      expect(warnings[0].msg).toMatch(/Redis unavailable/);

      await redis.start();
      expect(await store.ready(5000)).toBe(true);
      expect(await other.ready(5000)).toBe(true);
      const after = nonce();
      expect(await store.claim(after, 30)).toBe(true);
      expect(await other.claim(after, 30)).toBe(false);
      expect(await store.claim(during, 30)).toBe(false); // claimed in memory during the outage
      expect(lines.some((l) => l.level === 30 && /Redis back/.test(l.msg))).toBe(true);
      expect(lines.filter((l) => l.level === 40)).toHaveLength(1);
    } finally {
      await Promise.all([store.close(), other.close()]);
    }
  });
});
