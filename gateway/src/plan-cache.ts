// The gateway's query plan cache (handed to @apollo/gateway as queryPlannerConfig.cache).
// Plans of the operations the gateway knows are pinned when it starts (plan-warmer.ts) and
// never evicted; every other plan lives in an LRU bounded by approximate size, as Apollo's
// default store is (30 MiB, sized by JSON length), so a flood of one-off queries cannot push
// the window's own plans out.
import type { QueryPlan, QueryPlanCache } from "@apollo/query-planner";
import { LRUCache } from "lru-cache";
import { planCacheRequests } from "./metrics.js";

export const DEFAULT_PLAN_CACHE_BYTES = 30 * 1024 * 1024;

export class PlanCache implements QueryPlanCache {
  /** Lookups since start: a miss means the planner ran for that request. */
  readonly stats = { hits: 0, misses: 0 };
  private readonly pinned = new Map<string, QueryPlan>();
  private readonly lru: LRUCache<string, QueryPlan>;
  private readonly hit = planCacheRequests().labels("hit");
  private readonly miss = planCacheRequests().labels("miss");

  constructor(maxBytes = DEFAULT_PLAN_CACHE_BYTES) {
    this.hit.inc(0);
    this.miss.inc(0);
    this.lru = new LRUCache<string, QueryPlan>({ maxSize: maxBytes, sizeCalculation: (plan) => Math.max(1, JSON.stringify(plan).length) });
  }

  async get(key: string): Promise<QueryPlan | undefined> {
    const plan = this.pinned.get(key) ?? this.lru.get(key);
    if (plan) {
      this.stats.hits++;
      this.hit.inc();
    } else {
      this.stats.misses++;
      this.miss.inc();
    }
    return plan;
  }

  async set(key: string, plan: QueryPlan): Promise<void> {
    if (!this.pinned.has(key)) this.lru.set(key, plan);
  }

  /** Kept until the next clear(), whatever else is planned. */
  pin(key: string, plan: QueryPlan): void {
    this.pinned.set(key, plan);
    this.lru.delete(key);
  }

  async delete(key: string): Promise<boolean> {
    return this.pinned.delete(key) || this.lru.delete(key);
  }

  /** The gateway clears the store whenever it (re)loads a supergraph; the warmer refills it. */
  clear(): void {
    this.pinned.clear();
    this.lru.clear();
  }

  get pinnedCount(): number {
    return this.pinned.size;
  }
}
