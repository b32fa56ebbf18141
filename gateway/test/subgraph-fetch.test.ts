// Subgraph fetches through a real gateway to a stand-in subgraph that counts what it
// gets: identical queries in flight share one request (same query, variables and
// identity), mutations never do, an error reaches every caller, and requests reuse one
// keep-alive connection.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { metricsRegistry, type RunningServer } from "@onceonly/shared";
import { startGatewayService } from "../src/server.js";
import { composeOne, FakeSubgraph, json, until } from "./fake-subgraph.js";
import { testSecurity, type TestSecurity } from "./security-support.js";

const SDL = `type Query { greeting(name: String!): String }
type Mutation { touch(name: String!): String }`;
const GREET = "query Greet($name: String!) { greeting(name: $name) }";
const TOUCH = "mutation Touch($name: String!) { touch(name: $name) }";
// Who calls: the window and department come from the token, the purpose from X-Purpose.
interface Caller {
  window: string;
  department: string;
  purpose?: string;
}
const WINDOW: Caller = { window: "LS-SZ-07", department: "乐山市市中区行政审批局", purpose: "000127001000" };

let fake: FakeSubgraph;
let gateway: RunningServer;
let security: TestSecurity;

beforeEach(async () => {
  fake = new FakeSubgraph();
  const url = await fake.start();
  fake.answer = (request, res) => {
    const name = request.body.variables?.name;
    json(request.body.query.startsWith("mutation") ? { data: { touch: `touched ${name}` } } : { data: { greeting: `hello ${name}` } })(request, res);
  };
  security = await testSecurity();
  gateway = await startGatewayService({
    ...security,
    port: 0,
    host: "127.0.0.1",
    subgraphUrls: { registry: url, licenses: url, cases: url },
    subgraphTimeoutMs: 5_000,
    supergraphSdl: composeOne("registry", url, SDL),
    warmOperations: [],
  });
});
afterEach(async () => {
  await gateway.close();
  await fake.close();
});

async function call(query: string, name: string, caller: Caller = WINDOW) {
  const token = await security.tokenFor({ window: caller.window, department: caller.department, scopes: ["registry:read"] });
  const response = await fetch(gateway.url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}`, ...(caller.purpose ? { "x-purpose": caller.purpose } : {}) },
    body: JSON.stringify({ query, variables: { name } }),
  });
  return (await response.json()) as { data?: Record<string, string | null> | null; errors?: { message: string }[] };
}

async function sharedFetches(): Promise<number> {
  const metric = metricsRegistry.getSingleMetric("onceonly_gateway_subgraph_fetches_shared_total");
  return ((await metric?.get())?.values ?? []).reduce((sum, v) => sum + v.value, 0);
}

/** Sends `calls` while the subgraph holds its answers; releases once each fetch has reached it or been shared. */
async function concurrently<T>(calls: (() => Promise<T>)[]): Promise<T[]> {
  const before = await sharedFetches();
  fake.hold();
  const pending = calls.map((c) => c());
  await until(async () => fake.requests.length + (await sharedFetches()) - before >= calls.length, "every fetch to arrive or be shared");
  fake.release();
  return Promise.all(pending);
}

describe("identical subgraph fetches in flight", () => {
  it("two identical queries share one subgraph request, and both get the answer", async () => {
    const results = await concurrently([() => call(GREET, "张三"), () => call(GREET, "张三")]);
    expect(fake.requests).toHaveLength(1);
    for (const result of results) expect(result).toEqual({ data: { greeting: "hello 张三" } });
  });

  it("another variable, window, department or purpose is another request", async () => {
    const results = await concurrently([
      () => call(GREET, "张三"),
      () => call(GREET, "李四"),
      () => call(GREET, "张三", { ...WINDOW, window: "LS-SZ-08" }),
      () => call(GREET, "张三", { ...WINDOW, department: "511102-XZSPJ" }),
      () => call(GREET, "张三", { ...WINDOW, purpose: "000127001001" }),
      () => call(GREET, "张三", { ...WINDOW, purpose: undefined }),
    ]);
    expect(fake.requests).toHaveLength(6);
    expect(results.map((r) => r.data?.greeting)).toEqual(["hello 张三", "hello 李四", "hello 张三", "hello 张三", "hello 张三", "hello 张三"]);
  });

  it("identical mutations are never shared", async () => {
    const results = await concurrently([() => call(TOUCH, "张三"), () => call(TOUCH, "张三")]);
    expect(fake.requests).toHaveLength(2);
    for (const result of results) expect(result).toEqual({ data: { touch: "touched 张三" } });
  });

  it.each([
    ["the connection drops", (_request: unknown, res: import("node:http").ServerResponse) => res.socket?.destroy()],
    ["the subgraph answers 500", json({ errors: [{ message: "boom" }] }, 500)],
  ])("when %s, the error reaches every caller", async (_case, answer) => {
    fake.answer = answer;
    const results = await concurrently([() => call(GREET, "张三"), () => call(GREET, "张三")]);
    expect(fake.requests).toHaveLength(1);
    for (const result of results) {
      expect(result.data?.greeting ?? null).toBeNull();
      expect(result.errors?.length).toBeGreaterThan(0);
    }
  });

  it("a later identical query, once the first has answered, gets its own request", async () => {
    await call(GREET, "张三");
    await call(GREET, "张三");
    expect(fake.requests).toHaveLength(2);
  });
});

describe("subgraph connections", () => {
  it("sequential requests reuse one keep-alive connection, carrying the token's identity headers", async () => {
    for (let i = 0; i < 5; i++) expect((await call(GREET, `p${i}`)).data?.greeting).toBe(`hello p${i}`);
    expect(fake.requests).toHaveLength(5);
    expect(fake.connections).toBe(1);
    const { headers } = fake.requests[4];
    expect(headers).toMatchObject({ "x-window-id": "LS-SZ-07", "x-department": encodeURIComponent(WINDOW.department), "x-purpose": "000127001000" });
    expect(headers["x-request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    const metrics = await (await fetch(new URL("/metrics", gateway.url))).text();
    expect(metrics).toMatch(/^onceonly_gateway_subgraph_connections\{subgraph="registry"\} 1$/m);
    expect(metrics).toMatch(/^onceonly_gateway_subgraph_fetches_total\{subgraph="registry",outcome="ok"\} [1-9]/m);
    expect(metrics).toMatch(/^onceonly_gateway_subgraph_fetch_duration_seconds_count\{subgraph="registry"\} [1-9]/m);
  });
});
