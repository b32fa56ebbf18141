// GET /metrics on every service: Prometheus text with the process's memory, requests and
// their duration per route, silo statements (the benchmark's statements per request)
// and entity cache hits and misses.
import { afterEach, describe, expect, it } from "vitest";
import {
  countCacheRequests, countSiloStatements, LruEntityCache, metricsRegistry, serveApollo, StatementListeners, type RunningServer, type Silo,
} from "@onceonly/shared";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The current value of a counter's series with exactly these labels (0 when absent). */
async function value(name: string, labels: Record<string, string>): Promise<number> {
  const metric = metricsRegistry.getSingleMetric(name);
  if (!metric) return 0;
  const series = (await metric.get()).values.find((v) => Object.entries(labels).every(([k, l]) => v.labels[k] === l) && Object.keys(v.labels).length === Object.keys(labels).length);
  return series?.value ?? 0;
}

const metricsText = () => metricsRegistry.metrics();

describe("GET /metrics", () => {
  it("answers Prometheus text: RSS, and each request counted by service, route and status class, with its duration", async () => {
    server = await serveApollo({
      name: "metrics-test",
      apollo: { typeDefs: "type Query { hello: String }", resolvers: { Query: { hello: () => "你好" } } },
      context: async () => ({}),
      port: 0,
      routes: { "/healthz": (_req, res) => void res.end("ok") },
    });
    const graphql = await fetch(server.url, { method: "POST", headers: { "content-type": "application/json" }, body: '{"query":"{ hello }"}' });
    expect(await graphql.json()).toEqual({ data: { hello: "你好" } });
    await fetch(new URL("/healthz", server.url));
    await fetch(new URL("/nowhere?x=1", server.url));
    await fetch(new URL("/graphql", server.url), { method: "POST", headers: { "content-type": "application/json" }, body: "{not json" });

    const response = await fetch(new URL("/metrics", server.url));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toMatch(/^process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^onceonly_http_requests_total\{service="metrics-test",route="\/graphql",status="2xx"\} 1$/m);
    expect(text).toMatch(/^onceonly_http_requests_total\{service="metrics-test",route="\/graphql",status="4xx"\} 1$/m);
    expect(text).toMatch(/^onceonly_http_requests_total\{service="metrics-test",route="\/healthz",status="2xx"\} 1$/m);
    expect(text).toMatch(/^onceonly_http_requests_total\{service="metrics-test",route="unmatched",status="4xx"\} 1$/m);
    expect(text).toMatch(/^onceonly_http_request_duration_seconds_count\{service="metrics-test",route="\/graphql"\} 2$/m);
    expect(text).toMatch(/^onceonly_http_request_duration_seconds_bucket\{le="10",service="metrics-test",route="\/healthz"\} 1$/m);
  });

  it("counts every statement a silo runs, by silo, until stopped", async () => {
    const listeners = new StatementListeners();
    const silo = { name: "metrics-test-silo", onStatement: (l: Parameters<Silo["onStatement"]>[0]) => listeners.add(l) } as unknown as Silo;
    const before = await value("onceonly_silo_statements_total", { silo: "metrics-test-silo" });
    const stop = countSiloStatements(silo);
    expect(await metricsText()).toMatch(/^onceonly_silo_statements_total\{silo="metrics-test-silo"\} 0$/m);
    for (let i = 0; i < 3; i++) listeners.emit("metrics-test-silo", "SELECT 1", []);
    stop();
    listeners.emit("metrics-test-silo", "SELECT 1", []);
    expect((await value("onceonly_silo_statements_total", { silo: "metrics-test-silo" })) - before).toBe(3);
  });

  it("counts entity cache hits and misses per key, and the cache still answers", async () => {
    const cache = countCacheRequests(new LruEntityCache({ maxEntries: 100 }));
    const [hits, misses] = [await value("onceonly_cache_requests_total", { result: "hit" }), await value("onceonly_cache_requests_total", { result: "miss" })];
    await cache.mset([["a", "1"], ["b", "2"]], 60);
    expect(await cache.mget(["a", "b", "c"])).toEqual(["1", "2", null]);
    await cache.del(["a"]);
    expect(await cache.mget(["a"])).toEqual([null]);
    expect((await value("onceonly_cache_requests_total", { result: "hit" })) - hits).toBe(2);
    expect((await value("onceonly_cache_requests_total", { result: "miss" })) - misses).toBe(2);
    await cache.close();
  });
});
