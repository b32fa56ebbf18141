// The near cache in front of Redis: a hit the process holds never reaches the shared
// cache, misses ask it once for the whole batch, writes and deletes reach both, and a
// generation token follows what the shared cache decided.
import { describe, expect, it } from "vitest";
import { LruEntityCache, TieredEntityCache, type EntityCache } from "@onceonly/shared";

class CountingCache implements EntityCache {
  readonly inner = new LruEntityCache({ maxEntries: 100 });
  mgets: string[][] = [];
  dels: string[][] = [];
  mget(keys: string[]) {
    this.mgets.push(keys);
    return this.inner.mget(keys);
  }
  mset(entries: [string, string][], ttl: number) {
    return this.inner.mset(entries, ttl);
  }
  claim(entries: [string, string][], ttl: number) {
    return this.inner.claim(entries, ttl);
  }
  del(keys: string[]) {
    this.dels.push(keys);
    return this.inner.del(keys);
  }
  close() {
    return this.inner.close();
  }
}

describe("TieredEntityCache", () => {
  it("answers what it wrote without asking the shared cache, and asks it once for the misses", async () => {
    const far = new CountingCache();
    const cache = new TieredEntityCache(far, { maxEntries: 10 });
    await cache.mset([["a", "1"]], 60);
    await far.inner.mset([["b", "2"]], 60); // written by another replica
    expect(await cache.mget(["a"])).toEqual(["1"]);
    expect(far.mgets).toEqual([]);
    expect(await cache.mget(["a", "b", "c"])).toEqual(["1", "2", null]);
    expect(far.mgets).toEqual([["b", "c"]]);
  });

  it("deletes in both, so an invalidation is seen at once by this process and by the others", async () => {
    const far = new CountingCache();
    const cache = new TieredEntityCache(far, { maxEntries: 10 });
    await cache.mset([["a", "1"]], 60);
    await cache.del(["a"]);
    expect(await cache.mget(["a"])).toEqual([null]);
    expect(await far.inner.mget(["a"])).toEqual([null]);
  });

  it("keeps near entries no longer than the TTL they were written with", async () => {
    const cache = new TieredEntityCache(new CountingCache(), { maxEntries: 10 });
    await cache.mset([["a", "1"]], 0.05);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(await cache.mget(["a"])).toEqual([null]);
  });

  it("follows the shared cache's decision on a claimed generation token", async () => {
    const far = new CountingCache();
    await far.inner.mset([["gen", "other-replica"]], 60);
    const cache = new TieredEntityCache(far, { maxEntries: 10 });
    expect(await cache.claim([["gen", "mine"]], 60)).toEqual(["other-replica"]);
    expect(await cache.claim([["gen2", "mine"]], 60)).toEqual(["mine"]);
    far.mgets = [];
    expect(await cache.mget(["gen2"])).toEqual(["mine"]);
    expect(far.mgets).toEqual([]);
  });
});
