// Whether a Redis answers, for the clients that must never fail or slow a request because
// it went away (the entity cache, the nonce store). A command runs only while the client
// is ready (no offline queue: a call while Redis is down answers at once), one that hangs
// is abandoned after timeoutMs, and the outage is logged once (and its end once).
// node-redis reconnects by itself; its "error" and "ready" events drive markDown/markUp.
import { createClient } from "redis";
import type { Logger } from "../log.js";

const RECONNECT_MAX_MS = 2000;

export interface RedisAvailabilityOptions {
  log: Logger;
  /** A command without an answer by then counts as none (and as an outage). */
  timeoutMs: number;
  /** Logged (warn) once when Redis stops answering. */
  down: string;
  /** Logged (info) once when it answers again. */
  up: string;
  /** Called after `up` is logged (the entity cache replays its invalidations). */
  onUp?: () => void;
  /** A call while the client is not ready also marks an outage (default: it only answers none). */
  notReadyIsDown?: boolean;
}

export class RedisAvailability {
  private isDown = false;

  constructor(private readonly options: RedisAvailabilityOptions) {}

  /** Whether an outage was seen and Redis has not answered since. */
  get down(): boolean {
    return this.isDown;
  }

  /** The command's answer, or undefined = "no answer from Redis" (not ready, failed or timed out). */
  async run<T>(command: () => Promise<T>, isReady: boolean): Promise<T | undefined> {
    if (!isReady) {
      if (this.options.notReadyIsDown) this.markDown(new Error("not connected"));
      return undefined;
    }
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<undefined>((resolve) => {
      timer = setTimeout(() => {
        this.markDown(new Error(`no answer within ${this.options.timeoutMs} ms`));
        resolve(undefined);
      }, this.options.timeoutMs);
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

  markDown(error: Error): void {
    if (this.isDown) return;
    this.isDown = true;
    this.options.log.warn({ err: error.message }, this.options.down);
  }

  markUp(): void {
    if (!this.isDown) return;
    this.isDown = false;
    this.options.log.info(this.options.up);
    this.options.onUp?.();
  }
}

/** A client for `url` whose connection state feeds `availability`; connecting is not awaited. */
export function connectRedisClient(url: string, availability: RedisAvailability) {
  const client = createClient({
    url,
    disableOfflineQueue: true,
    socket: { connectTimeout: 1000, reconnectStrategy: (retries) => Math.min(50 * 2 ** retries, RECONNECT_MAX_MS) },
  });
  // Without a listener node-redis rethrows socket errors as uncaught exceptions.
  client.on("error", (error: Error) => availability.markDown(error));
  client.on("ready", () => availability.markUp());
  // Not awaited: the service starts even if Redis is down.
  client.connect().catch((error: Error) => availability.markDown(error));
  return client;
}
