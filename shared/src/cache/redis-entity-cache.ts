// The shared cache when REDIS_URL is set. Redis going away must never fail or slow a
// request: while the client is not ready every call is a miss / no-op at once (no
// offline queue), a command that hangs is abandoned after COMMAND_TIMEOUT_MS, and the
// outage is logged once (and its end once). node-redis reconnects by itself.
import { createClient } from "redis";
import { logger, type Logger } from "../log.js";
import type { EntityCache } from "./entity-cache.js";

const COMMAND_TIMEOUT_MS = 250;
const RECONNECT_MAX_MS = 2000;

export interface RedisEntityCacheOptions {
  url: string;
  /** Prepended to every key: several deployments (or tests) can share one Redis. */
  prefix?: string;
  log?: Logger;
}

export class RedisEntityCache implements EntityCache {
  private readonly client;
  private readonly prefix: string;
  private readonly log: Logger;
  private down = false;

  constructor(options: RedisEntityCacheOptions) {
    this.prefix = options.prefix ?? "";
    this.log = (options.log ?? logger).child({ cache: "redis" });
    this.client = createClient({
      url: options.url,
      disableOfflineQueue: true,
      socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS) },
    });
    // Without a listener node-redis rethrows socket errors as uncaught exceptions.
    this.client.on("error", (error: Error) => this.markDown(error));
    this.client.on("ready", () => this.markUp());
    // The first connection is not awaited by callers: the service starts even if Redis is down.
    this.client.connect().catch((error: Error) => this.markDown(error));
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

  async del(keys: string[]): Promise<void> {
    if (keys.length === 0) return;
    await this.run(() => this.client.del(keys.map((k) => this.prefix + k)));
  }

  async close(): Promise<void> {
    if (this.client.isOpen) await this.client.close().catch(() => this.client.destroy());
    else this.client.destroy();
  }

  // Private: undefined = "no answer from Redis"; the caller falls back to a miss.
  private async run<T>(command: () => Promise<T>): Promise<T | undefined> {
    if (!this.client.isReady) return undefined;
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
    this.log.warn({ err: error.message }, "entity cache unavailable: requests bypass it until it is back");
  }

  private markUp(): void {
    if (!this.down) return;
    this.down = false;
    this.log.info("entity cache back");
  }
}
