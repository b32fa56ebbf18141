// The in-process nonce store (no REDIS_URL, or Redis unreachable): a bounded LRU whose
// entries expire when their request's timestamp turns stale. See nonce-store.ts for when
// it is enough.
import { LRUCache } from "lru-cache";
import { logger, type Logger } from "../log.js";
import type { NonceStore } from "./nonce-store.js";

/**
 * Nonces kept in process at most. At the default 30 s window a subgraph answering 5,000
 * requests/s holds 150,000; past the bound the oldest still-valid nonces are forgotten
 * (logged once), which reopens their replay until they turn stale — never a refusal of
 * a genuine request.
 */
export const DEFAULT_MAX_NONCES = 250_000;

export class MemoryNonceStore implements NonceStore {
  /** nonce → when it expires (ms), to tell a live eviction from a dead one. */
  private readonly seen: LRUCache<string, number>;
  private readonly log: Logger;
  private warnedFull = false;

  constructor(options: { maxEntries?: number; log?: Logger } = {}) {
    this.log = (options.log ?? logger).child({ component: "nonce-store" });
    const max = options.maxEntries ?? DEFAULT_MAX_NONCES;
    this.seen = new LRUCache<string, number>({
      max,
      dispose: (expiresAt, _nonce, reason) => {
        if (reason !== "evict" || expiresAt <= Date.now() || this.warnedFull) return;
        this.warnedFull = true;
        this.log.warn({ maxEntries: max }, "nonce store full: forgetting nonces still within SIGNATURE_MAX_AGE_SECONDS (replays of those are no longer caught); set REDIS_URL or lower SIGNATURE_MAX_AGE_SECONDS");
      },
    });
  }

  async claim(nonce: string, ttlSeconds: number): Promise<boolean> {
    return this.claimNow(nonce, ttlSeconds);
  }

  /** The same, synchronously (for RedisNonceStore's local memory). */
  claimNow(nonce: string, ttlSeconds: number): boolean {
    if (this.seen.has(nonce)) return false; // has() treats an expired entry as absent
    this.seen.set(nonce, Date.now() + ttlSeconds * 1000, { ttl: ttlSeconds * 1000 });
    return true;
  }

  async close(): Promise<void> {
    this.seen.clear();
  }
}
