// Where a subgraph remembers the nonces of the signed requests it has answered, so each
// is answered once (see signing.ts). Two stores, picked by REDIS_URL as the entity cache
// is:
// - Redis (SET NX EX): one memory for every instance of a subgraph behind a load
//   balancer, and for all subgraphs sharing the Redis — a request captured on its way
//   to one instance (or one subgraph) is refused at every other. Costs one round trip
//   per request.
// - In process (a bounded LRU with expiry): no round trip, but each instance remembers
//   only its own requests, so with several instances a captured request may be answered
//   once per instance within SIGNATURE_MAX_AGE_SECONDS. Fine for one instance per
//   subgraph (npm start, tests); run replicas with REDIS_URL.
// When Redis is unreachable the process's memory decides instead of every request being
// refused (the entity cache degrades the same way): the signature and its time window still
// hold, and only a replay to ANOTHER instance during the outage gets through. The Redis
// store also claims each nonce in its own memory first, so a replay to the same instance
// is caught during the outage and after it. The outage and its end are each logged once.
// Keys live under "onceonly-nonce:", outside the entity cache's "onceonly:" prefix, which
// that cache may drop wholesale after a long outage.
import { readUrl } from "../config/env.js";
import type { Logger } from "../log.js";
import { MemoryNonceStore } from "./memory-nonce-store.js";
import { RedisNonceStore } from "./redis-nonce-store.js";

export interface NonceStore {
  /** true the first time a nonce is claimed within ttlSeconds, false ever after; never throws. */
  claim(nonce: string, ttlSeconds: number): Promise<boolean>;
  close(): Promise<void>;
}

/** Redis when REDIS_URL is set (replicas share it), the process's memory otherwise. */
export function openNonceStore(env: Record<string, string | undefined>, log?: Logger): NonceStore {
  const url = readUrl(env, "REDIS_URL", ["redis:", "rediss:"]);
  return url ? new RedisNonceStore({ url, log }) : new MemoryNonceStore({ log });
}
