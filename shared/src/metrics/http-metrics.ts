// Request count and duration per route, for the node:http front of every service. The
// routes a server answers are known when it starts, so every labelled child is bound
// then: a request only picks one from a table (status by class, 2xx…5xx, for the same
// reason: an exact status would be a label lookup per request).
import { defineCounter, defineHistogram, LATENCY_BUCKETS } from "./registry.js";

export type RouteObserver = (route: string, status: number, seconds: number) => void;

/** Requests to any path the server does not serve share one label value. */
export const UNMATCHED_ROUTE = "unmatched";

const STATUS_CLASSES = ["1xx", "2xx", "3xx", "4xx", "5xx"] as const;

export function routeMetrics(service: string, routes: readonly string[]): RouteObserver {
  const requests = defineCounter({
    name: "onceonly_http_requests_total",
    help: "HTTP requests answered, by service, route and status class",
    labelNames: ["service", "route", "status"],
  });
  const duration = defineHistogram({
    name: "onceonly_http_request_duration_seconds",
    help: "Time from request to the end of the answer, by service and route",
    labelNames: ["service", "route"],
    buckets: LATENCY_BUCKETS,
  });
  const bound = new Map(
    [...new Set([...routes, UNMATCHED_ROUTE])].map((route) => [
      route,
      {
        byStatus: STATUS_CLASSES.map((status) => requests.labels(service, route, status)),
        duration: duration.labels(service, route),
      },
    ]),
  );
  const unmatched = bound.get(UNMATCHED_ROUTE)!;
  return (route, status, seconds) => {
    const child = bound.get(route) ?? unmatched;
    child.byStatus[Math.min(Math.max(Math.floor(status / 100), 1), 5) - 1].inc();
    child.duration.observe(seconds);
  };
}
