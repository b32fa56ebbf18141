// The gateway's own metrics, next to the HTTP, process and cache metrics every service
// has (shared/src/metrics). Defined on first use; callers bind their label children once.
import { defineCounter, defineGauge, defineHistogram, LATENCY_BUCKETS } from "@onceonly/shared";

export const subgraphFetches = () =>
  defineCounter({
    name: "onceonly_gateway_subgraph_fetches_total",
    help: "HTTP requests the gateway sent to a subgraph, by subgraph and outcome (ok, http_error, failed)",
    labelNames: ["subgraph", "outcome"],
  });

export const subgraphFetchDuration = () =>
  defineHistogram({
    name: "onceonly_gateway_subgraph_fetch_duration_seconds",
    help: "Time from sending a subgraph request to its whole answer, by subgraph",
    labelNames: ["subgraph"],
    buckets: LATENCY_BUCKETS,
  });

export const subgraphFetchesShared = () =>
  defineCounter({
    name: "onceonly_gateway_subgraph_fetches_shared_total",
    help: "Subgraph fetches answered by an identical fetch already in flight (no request of their own), by subgraph",
    labelNames: ["subgraph"],
  });

/** `count` is read on each scrape. */
export const subgraphConnections = (count: () => Map<string, number>) =>
  defineGauge({
    name: "onceonly_gateway_subgraph_connections",
    help: "Open keep-alive connections to a subgraph, by subgraph",
    labelNames: ["subgraph"],
    collect() {
      this.reset();
      for (const [subgraph, connections] of count()) this.set({ subgraph }, connections);
    },
  });

export const planCacheRequests = () =>
  defineCounter({
    name: "onceonly_gateway_plan_cache_requests_total",
    help: "Query plan lookups, by result (a miss is a plan built for that request)",
    labelNames: ["result"],
  });

export const auditCommitWait = () =>
  defineHistogram({
    name: "onceonly_gateway_audit_commit_wait_seconds",
    help: "Time from a request's audit entry to its batch's COMMIT: what every answer with personal data waits before it is sent",
    buckets: LATENCY_BUCKETS,
  });
