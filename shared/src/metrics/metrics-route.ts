// GET /metrics: the process's metrics in Prometheus text format.
import type { IncomingMessage, ServerResponse } from "node:http";
import { metricsRegistry } from "./registry.js";

export const METRICS_PATH = "/metrics";

export async function metricsRoute(req: IncomingMessage, res: ServerResponse): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    res.statusCode = 405;
    res.setHeader("allow", "GET, HEAD");
    res.end();
    return;
  }
  const body = await metricsRegistry.metrics();
  res.statusCode = 200;
  res.setHeader("content-type", metricsRegistry.contentType);
  res.setHeader("cache-control", "no-store");
  res.end(req.method === "HEAD" ? undefined : body);
}
