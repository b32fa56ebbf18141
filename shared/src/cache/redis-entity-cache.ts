// The shared cache when REDIS_URL is set. Redis going away must never fail or slow a
// request: while the client is not ready every call is a miss / no-op at once (no
// offline queue), a command that hangs is abandoned after COMMAND_TIMEOUT_MS, and the
// outage is logged once (and its end once): see redis-availability.ts.
// A delete is an invalidation: one that could not reach Redis is kept and replayed when
// it is back (a Redis that was only unreachable still holds the old entry); past
// MAX_PENDING_DELETES the whole prefix is dropped on return instead.
import { logger, type Logger } from "../log.js";
import { connectRedisClient, RedisAvailability } from "./redis-availability.js";
import type { EntityCache } from "./entity-cache.js";

const COMMAND_TIMEOUT_MS = 250;
const MAX_PENDING_DELETES = 100_000;

export interface RedisEntityCacheOptions {
  url: string;
  /** Prepended to every key: several deployments (or tests) can share one Redis. */
  prefix?: string;
  log?: Logger;
}

export class RedisEntityCache implements EntityCache {
  private readonly client;
  private readonly prefix: string;
  private readonly availability: RedisAvailability;
  /** Prefixed keys whose delete did not reach Redis. */
  private pendingDeletes = new Set<string>();
  private dropPrefixOnReturn = false;
  private replaying: Promise<void> | null = null;

  constructor(options: RedisEntityCacheOptions) {
    this.prefix = options.prefix ?? "";
    this.availability = new RedisAvailability({
      log: (options.log ?? logger).child({ cache: "redis" }),
      timeoutMs: COMMAND_TIMEOUT_MS,
      down: "entity cache unavailable: requests bypass it until it is back",
      up: "entity cache back",
      // A Redis that was only unreachable still holds the entries deleted meanwhile.
      onUp: () => this.replay(),
    });
    // The first connection is not awaited by callers: the service starts even if Redis is down.
    this.client = connectRedisClient(options.url, this.availability);
  }

  /** Resolves once connected (tests and start-up checks); never rejects. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.client.isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.client.isReady;
  }

  async mget(keys: string[]): Promise<(string | null)[]> {
    const misses = keys.map(() => null);
    if (keys.length === 0) return misses;
    const values = await this.run(() => this.client.mGet(keys.map((k) => this.prefix + k)));
    return values ?? misses;
  }

  async mset(entries: [string, string][], ttlSeconds: number): Promise<void> {
    if (entries.length === 0) return;
    await this.run(() => {
      const multi = this.client.multi();
      for (const [key, value] of entries) multi.set(this.prefix + key, value, { expiration: { type: "EX", value: ttlSeconds } });
      return multi.execAsPipeline();
    });
  }

  async claim(entries: [string, string][], ttlSeconds: number): Promise<(string | null)[]> {
    if (entries.length === 0) return [];
    // SET NX for each, then MGET, in one MULTI: what every key holds once the claims ran.
    const replies = await this.run(() => {
      const multi = this.client.multi();
      for (const [key, value] of entries) multi.set(this.prefix + key, value, { condition: "NX", expiration: { type: "EX", value: ttlSeconds } });
      multi.mGet(entries.map(([key]) => this.prefix + key));
      return multi.exec();
    });
    if (replies === undefined) return entries.map(() => null);
    return replies[replies.length - 1] as unknown as (string | null)[];
  }

  async del(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    const prefixed = keys.map((k) => this.prefix + k);
    const deleted = await this.run(() => this.client.del(prefixed));
    if (deleted === undefined) this.keepForReplay(prefixed);
  }

  /** Invalidations waiting for Redis to come back (tests, metrics). */
  get pendingDeleteCount(): number {
    return this.dropPrefixOnReturn ? Infinity : this.pendingDeletes.size;
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }

  // Private: undefined = "no answer from Redis"; the caller falls back to a miss.
  private run<T>(command: () => Promise<T>): Promise<T | undefined> {
    return this.availability.run(command, this.client.isReady);
  }

  private keepForReplay(prefixed: readonly string[]): void {
    if (this.dropPrefixOnReturn) return;
    for (const key of prefixed) this.pendingDeletes.add(key);
    if (this.pendingDeletes.size > MAX_PENDING_DELETES) {
      this.pendingDeletes.clear();
      this.dropPrefixOnReturn = true;
    }
    if (this.client.isReady) this.replay(); // a timeout while connected: retry at once
  }

  // Private: one replay at a time; whatever fails again stays pending for the next return.
  private replay(): void {
    if (this.replaying || (this.pendingDeletes.size === 0 && !this.dropPrefixOnReturn)) return;
    this.replaying = (async () => {
      if (this.dropPrefixOnReturn) {
        // No command timeout here: a SCAN over a large keyspace takes what it takes.
        try {
          if (!this.client.isReady) return;
          await this.dropPrefix();
          this.dropPrefixOnReturn = false;
        } catch (error) {
          this.availability.markDown(error as Error);
          return;
        }
      }
      // A key leaves the pending set only once Redis has taken its delete.
      const keys = [...this.pendingDeletes];
      for (let i = 0; i < keys.length; i += 1000) {
        const chunk = keys.slice(i, i + 1000);
        if ((await this.run(() => this.client.del(chunk))) === undefined) return;
        for (const key of chunk) this.pendingDeletes.delete(key);
      }
    })().finally(() => (this.replaying = null));
  }

  // Private: SCAN, never KEYS or FLUSHDB: the Redis may be shared with other prefixes.
  private async dropPrefix(): Promise<number> {
    let count = 0;
    for await (const keys of this.client.scanIterator({ MATCH: `${this.prefix}*`, COUNT: 1000 })) {
      if (keys.length > 0) count += await this.client.del(keys);
    }
    return count;
  }
}
