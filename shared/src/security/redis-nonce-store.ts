// The shared nonce store when REDIS_URL is set: SET key NX EX ttl, "OK" the first time.
// Client settings as the entity cache's (redis-entity-cache.ts): no offline queue, so a
// claim while Redis is down answers at once from local memory; a command that hangs is
// abandoned after COMMAND_TIMEOUT_MS; node-redis reconnects by itself.
import { createClient } from "redis";
import { logger, type Logger } from "../log.js";
import { MemoryNonceStore } from "./memory-nonce-store.js";
import type { NonceStore } from "./nonce-store.js";

const COMMAND_TIMEOUT_MS = 250;
const RECONNECT_MAX_MS = 2000;
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
  private readonly log: Logger;
  private readonly local: MemoryNonceStore;
  private down = false;

  constructor(options: RedisNonceStoreOptions) {
    this.prefix = options.prefix ?? NONCE_KEY_PREFIX;
    this.log = (options.log ?? logger).child({ component: "nonce-store", store: "redis" });
    this.local = options.local ?? new MemoryNonceStore({ log: options.log });
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS) },
    });
    // Without a listener node-redis rethrows socket errors as uncaught exceptions.
    this.client.on("error", (error: Error) => this.markDown(error));
    this.client.on("ready", () => this.markUp());
    // Not awaited: the subgraph starts (on local memory) even if Redis is down.
    this.client.connect().catch((error: Error) => this.markDown(error));
  }

  /** Resolves once connected (tests, start-up checks); never rejects. */
  async ready(timeoutMs = 2000): Promise<boolean> {
    const deadline = Date.now() + timeoutMs;
    while (!this.client.isReady && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    return this.client.isReady;
  }

  /** Whether claims currently reach Redis (tests, readiness). */
  get shared(): boolean {
    return this.client.isReady && !this.down;
  }

  async claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    // Local first: a replay to this instance is refused without a round trip, and still
    // after an outage during which Redis never saw the nonce.
    if (!this.local.claimNow(nonce, ttlSeconds)) return false;
    const reply = await this.run(() => this.client.set(this.prefix + nonce, "1", { condition: "NX", expiration: { type: "EX", value: ttlSeconds } }));
    // No answer from Redis: this process's memory decided (see nonce-store.ts for the trade-off).
    if (reply === undefined) return true;
    return reply === "OK";
  }

  async close(): Promise<void> {
    await this.local.close();
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }

  // Private: undefined = "no answer from Redis".
  private async run<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (!this.client.isReady) {
      this.markDown(new Error("not connected"));
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        this.markDown(new Error(`no answer within ${COMMAND_TIMEOUT_MS} ms`));
        resolve(undefined);
      }, COMMAND_TIMEOUT_MS);
    });
    try {
      const result = await Promise.race([command(), timeout]);
      if (result !== undefined) this.markUp(); // answers again after a timeout-only outage
      return result;
    } catch (error) {
      this.markDown(error as Error);
      return undefined;
    } finally {
      clearTimeout(timer);
    }
  }

  private markDown(error: Error): void {
    if (this.down) return;
    this.down = true;
    this.log.warn({ err: error.message }, "nonce store: Redis unavailable, replays are caught per process until it is back");
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info("nonce store: Redis back, replays are caught across instances again");
  }
}
