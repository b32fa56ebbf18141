// What is measured: a gateway over subgraphs with or without the entity cache. The peers
// run first over uncached subgraphs (what a stock deployment has); over the cached
// subgraphs they show how much of OnceOnly's lead is the cache and how much the gateway.
import type { GatewayKind } from "./gateways.js";
import type { WorkloadKey } from "./workloads.js";

export type ConfigKey = "onceonly-off" | "apollo" | "hive" | "onceonly-on" | "onceonly-hot" | "apollo-cached" | "hive-cached";

export interface BenchConfig {
  key: ConfigKey;
  gateway: GatewayKind;
  /** Whether the subgraphs behind it run with the entity cache (Redis). */
  cached: boolean;
  label: string;
  /** Only these workloads (default: all). */
  workloads?: readonly WorkloadKey[];
}

/**
 * The peers over the cached subgraphs only where the entity cache serves the workload: the
 * verifications read licences fresh (the verification issue's freshness bound).
 */
const CACHE_SERVED: readonly WorkloadKey[] = ["lookup", "readiness"];

export const CONFIGS: Record<ConfigKey, BenchConfig> = {
  "onceonly-off": { key: "onceonly-off", gateway: "onceonly", cached: false, label: "OnceOnly, cache off" },
  apollo: { key: "apollo", gateway: "apollo", cached: false, label: "Apollo Gateway (stock)" },
  hive: { key: "hive", gateway: "hive", cached: false, label: "Hive Gateway (stock)" },
  "onceonly-on": { key: "onceonly-on", gateway: "onceonly", cached: true, label: "OnceOnly, cache on" },
  // Not a run of its own: one more window-lookup measurement on the cache-on gateway, over
  // a small set of applicants, so nearly every read is a hit — the cache's best case.
  "onceonly-hot": { key: "onceonly-hot", gateway: "onceonly", cached: true, label: "OnceOnly, cache on, hot applicants" },
  "apollo-cached": { key: "apollo-cached", gateway: "apollo", cached: true, label: "Apollo Gateway over cached subgraphs", workloads: CACHE_SERVED },
  "hive-cached": { key: "hive-cached", gateway: "hive", cached: true, label: "Hive Gateway over cached subgraphs", workloads: CACHE_SERVED },
};

/** Run order: every uncached configuration, then the cached ones over one Redis. */
export const CONFIG_ORDER: readonly ConfigKey[] = ["onceonly-off", "apollo", "hive", "onceonly-on", "apollo-cached", "hive-cached"];

/**
 * The configurations the targets compare: their window lookup is measured in rounds (the
 * first with the other workloads, the rest after them) and the round with the median RPS
 * stands for each — one 10-second run on two shared cores moves by ±15% from run to run.
 */
export const ROUNDS_CONFIGS: readonly ConfigKey[] = ["onceonly-off", "apollo", "hive", "onceonly-on"];
