// Query plans: the window's operations are planned when the gateway starts, so the first
// request after start finds its plan; any other operation is planned once and then
// reused; the warmed plans outlive a flood of one-off queries.
import { afterEach, describe, expect, it } from "vitest";
import type { QueryPlan } from "@apollo/query-planner";
import { logger, type RunningServer } from "@onceonly/shared";
import { DEFAULT_SUPERGRAPH_PATH, KNOWN_OPERATIONS, loadSupergraph, PlanCache, READINESS_QUERY, startGatewayService, WINDOW_LOOKUP_QUERY } from "../src/server.js";
import { planCacheKeys, warmPlans } from "../src/plan-warmer.js";
import { supergraphForExecution } from "../src/policy/supergraph.js";
import { FakeSubgraph, json } from "./fake-subgraph.js";
import { isPurposeCheck, PURPOSE_ANSWER, testSecurity } from "./security-support.js";

const ID = "11010519491231002X";
let fake: FakeSubgraph | undefined;
let gateway: RunningServer | undefined;
afterEach(async () => {
  await gateway?.close();
  await fake?.close();
});

/** The real supergraph over a stand-in subgraph that knows nobody: plans are what is tested. */
async function start(warmOperations?: readonly string[]) {
  fake = new FakeSubgraph();
  const url = await fake.start();
  // Nobody is registered; the purpose the requests name is a matter in the catalogue.
  fake.answer = (request, res) => json(isPurposeCheck(request.body.query) ? PURPOSE_ANSWER : { data: { person: null } })(request, res);
  const planCache = new PlanCache();
  const security = await testSecurity();
  gateway = await startGatewayService({
    ...security,
    port: 0,
    host: "127.0.0.1",
    subgraphUrls: { registry: url, licenses: url, cases: url },
    subgraphTimeoutMs: 5_000,
    signingSecret: "gateway-test-secret-0123456789abcdef",
    supergraphSdl: await loadSupergraph(DEFAULT_SUPERGRAPH_PATH),
    warmOperations,
    planCache,
  });
  const post = async (body: Record<string, unknown>) => {
    const response = await fetch(gateway!.url, { method: "POST", headers: { "content-type": "application/json", ...security.headers }, body: JSON.stringify(body) });
    return (await response.json()) as { data?: { person: null }; errors?: unknown[] };
  };
  return { planCache, post };
}

describe("query plan cache", () => {
  it("the first window lookup after start is not planned: its plan, and the purpose check's, were built at start", async () => {
    const { planCache, post } = await start();
    expect(await post({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: ID } })).toEqual({ data: { person: null } });
    // The purpose check (kept 30 s) and the lookup.
    expect(planCache.stats).toEqual({ hits: 2, misses: 0 });
    // Named by the client, or sent with its whitespace collapsed (as the README's curl does).
    await post({ query: WINDOW_LOOKUP_QUERY, operationName: "WindowLookup", variables: { idNumber: ID } });
    await post({ query: WINDOW_LOOKUP_QUERY.replace(/\s+/g, " "), variables: { idNumber: ID } });
    await post({ query: READINESS_QUERY, variables: { idNumber: ID, matterCode: "000127001000" } });
    expect(planCache.stats).toEqual({ hits: 5, misses: 0 });
    expect(fake!.requests.length).toBeGreaterThanOrEqual(4);
  });

  it("without warming, an operation is planned on first use and only then", async () => {
    const { planCache, post } = await start([]);
    await post({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: ID } });
    expect(planCache.stats).toEqual({ hits: 1, misses: 1 }); // the purpose check is always planned at start
    await post({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: "110101199003074258" } });
    expect(planCache.stats).toEqual({ hits: 2, misses: 1 });
  });

  it("shows plan cache hits and misses at GET /metrics", async () => {
    const { post } = await start();
    await post({ query: WINDOW_LOOKUP_QUERY, variables: { idNumber: ID } });
    const metrics = await (await fetch(new URL("/metrics", gateway!.url))).text();
    expect(metrics).toMatch(/^onceonly_gateway_plan_cache_requests_total\{result="hit"\} [1-9]/m);
    expect(metrics).toMatch(/^onceonly_http_requests_total\{service="gateway",route="\/graphql",status="2xx"\} [1-9]/m);
  });

  it("every known operation plans against the committed supergraph", async () => {
    const cache = new PlanCache();
    const supergraphSdl = supergraphForExecution(await loadSupergraph(DEFAULT_SUPERGRAPH_PATH));
    expect(warmPlans({ supergraphSdl, operations: KNOWN_OPERATIONS, cache, log: logger })).toBe(KNOWN_OPERATIONS.length);
    // Each is kept under the key for an unnamed and a named request.
    for (const operation of KNOWN_OPERATIONS) {
      const name = /^(?:query|mutation) (\w+)/.exec(operation)![1];
      for (const key of planCacheKeys(operation, name)) expect(await cache.get(key), name).toBeDefined();
    }
  });

  it("keeps warmed plans however many other plans come and go", async () => {
    const cache = new PlanCache(2_000);
    const plan = (n: number) => ({ kind: "QueryPlan", node: { kind: "Fetch", serviceName: "registry", operation: "x".repeat(500 + n) } }) as unknown as QueryPlan;
    cache.pin("warm", plan(0));
    for (let i = 1; i <= 50; i++) await cache.set(`one-off-${i}`, plan(i));
    expect(await cache.get("warm")).toEqual(plan(0));
    expect(await cache.get("one-off-1")).toBeUndefined();
    expect(await cache.get("one-off-50")).toBeDefined();
  });
});
