// The shared nonce store when REDIS_URL is set: SET key NX EX ttl, "OK" the first time.
// Client and outage handling as the entity cache's (../cache/redis-availability.ts): a
// claim while Redis is down answers at once from local memory; a command that hangs is
// abandoned after COMMAND_TIMEOUT_MS; node-redis reconnects by itself.
import { connectRedisClient, RedisAvailability } from "../cache/redis-availability.js";
import { logger, type Logger } from "../log.js";
import { MemoryNonceStore } from "./memory-nonce-store.js";
import type { NonceStore } from "./nonce-store.js";

const COMMAND_TIMEOUT_MS = 250;
export const NONCE_KEY_PREFIX = "onceonly-nonce:";

export interface RedisNonceStoreOptions {
  url: string;
  /** Prepended to every nonce (tests use a random one); default NONCE_KEY_PREFIX. */
  prefix?: string;
  log?: Logger;
  /** This process's own memory of nonces (default: a MemoryNonceStore). */
  local?: MemoryNonceStore;
}

export class RedisNonceStore implements NonceStore {
  private readonly client;
  private readonly prefix: string;
  private readonly local: MemoryNonceStore;
  private readonly availability: RedisAvailability;

  constructor(options: RedisNonceStoreOptions) {
    this.prefix = options.prefix ?? NONCE_KEY_PREFIX;
    this.local = options.local ?? new MemoryNonceStore({ log: options.log });
    this.availability = new RedisAvailability({
      log: (options.log ?? logger).child({ component: "nonce-store", store: "redis" }),
      timeoutMs: COMMAND_TIMEOUT_MS,
      down: "nonce store: Redis unavailable, replays are caught per process until it is back",
      up: "nonce store: Redis back, replays are caught across instances again",
      // A claim that finds the client not connected is the outage the warning is about.
      notReadyIsDown: true,
    });
    // Not awaited: the subgraph starts (on local memory) even if Redis is down.
    this.client = connectRedisClient(options.url, this.availability);
  }

  /** Resolves once connected (tests, start-up checks); never rejects. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.client.isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.client.isReady;
  }

  /** Whether claims currently reach Redis (tests, readiness). */
  get shared(): boolean {
    return this.client.isReady && !this.availability.down;
  }

  async claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    // Local first: a replay to this instance is refused without a round trip, and still
    // after an outage during which Redis never saw the nonce.
    if (!this.local.claimNow(nonce, ttlSeconds)) return false;
    const reply = await this.availability.run(
      () => this.client.set(this.prefix + nonce, "1", { condition: "NX", expiration: { type: "EX", value: ttlSeconds } }),
      this.client.isReady,
    );
    // No answer from Redis: this process's memory decided (see nonce-store.ts for the trade-off).
    if (reply === undefined) return true;
    return reply === "OK";
  }

  async close(): Promise<void> {
    await this.local.close();
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }
}
