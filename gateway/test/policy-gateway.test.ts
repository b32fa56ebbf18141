// The policy step in a running gateway over a stand-in subgraph: the answer waits for its
// audit record, a failed audit write withholds the data (503, fail closed), a withheld
// field is never sent to the subgraph, and a request without personal data is not audited.
import { afterEach, describe, expect, it } from "vitest";
import type { RunningServer } from "@onceonly/shared";
import { DEFAULT_SUPERGRAPH_PATH, loadSupergraph, startGatewayService } from "../src/server.js";
import { FakeSubgraph, json } from "./fake-subgraph.js";
import { isPurposeCheck, PURPOSE_ANSWER, testSecurity, type TestSecurity } from "./security-support.js";

const ID = "11010519491231002X";
let fake: FakeSubgraph | undefined;
let gateway: RunningServer | undefined;
afterEach(async () => {
  await gateway?.close();
  await fake?.close();
});

async function start(): Promise<{ security: TestSecurity; post: (query: string, headers?: Record<string, string>) => Promise<{ status: number; body: any }> }> {
  fake = new FakeSubgraph();
  const url = await fake.start();
  fake.answer = (request, res) =>
    json(isPurposeCheck(request.body.query) ? PURPOSE_ANSWER : request.body.query.includes("matters") ? { data: { matters: [] } } : { data: { person: { oo__subject: ID, name: "张三" } } })(request, res);
  const security = await testSecurity();
  gateway = await startGatewayService({
    ...security,
    port: 0,
    host: "127.0.0.1",
    subgraphUrls: { registry: url, licenses: url, cases: url },
    subgraphTimeoutMs: 5_000,
    supergraphSdl: await loadSupergraph(DEFAULT_SUPERGRAPH_PATH),
    warmOperations: [],
  });
  const post = async (query: string, headers: Record<string, string> = security.headers) => {
    const response = await fetch(gateway!.url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body: JSON.stringify({ query }) });
    return { status: response.status, body: await response.json() };
  };
  return { security, post };
}

const LOOKUP = `{ person(idNumber: "${ID}") { name } }`;

describe("the policy step in the gateway", () => {
  it("answers personal data once its audit record is written", async () => {
    const { security, post } = await start();
    const { status, body } = await post(LOOKUP);
    expect(status).toBe(200);
    expect(body).toEqual({ data: { person: { name: "张三" } } });
    expect(security.audit.entries).toEqual([
      expect.objectContaining({ window: "GW-TEST", purpose: "000127001000", subjects: [ID], fields: ["Person.name"], outcome: "ALLOWED", denials: [] }),
    ]);
  });

  it("withholds the data when the audit record cannot be written (fail closed)", async () => {
    const { security, post } = await start();
    security.audit.append = async () => {
      throw new Error("audit store unreachable");
    };
    const { status, body } = await post(LOOKUP);
    expect(status).toBe(503);
    expect(body.data).toBeUndefined();
    expect(body.errors[0].extensions.code).toBe("AUDIT_UNAVAILABLE");
    expect(JSON.stringify(body)).not.toContain("张三");
  });

  it("never sends a withheld field to the subgraph, and audits the denial", async () => {
    const { security, post } = await start();
    const { body } = await post(LOOKUP, { authorization: security.headers.authorization }); // no purpose
    expect(body.data).toEqual({ person: { name: null } });
    expect(body.errors[0]).toMatchObject({ path: ["person", "name"], extensions: { code: "FORBIDDEN", reason: "NO_PURPOSE", field: "Person.name" } });
    expect(fake!.requests.some((r) => /[{\s]name[\s}]/.test(r.body.query))).toBe(false);
    expect(fake!.requests.length).toBeGreaterThan(0);
    expect(security.audit.entries[0]).toMatchObject({ outcome: "DENIED", purpose: null, subjects: [ID] });
    expect(security.audit.entries[0].denials.map((d) => d.field)).toContain("Person.name");
  });

  it("does not audit a request that reads no personal data", async () => {
    const { security, post } = await start();
    expect((await post("{ matters { code } }")).body).toEqual({ data: { matters: [] } });
    expect(security.audit.entries).toEqual([]);
  });

  it("refuses a request without a token with 401, before anything is fetched", async () => {
    const { post } = await start();
    const { status, body } = await post(LOOKUP, {});
    expect(status).toBe(401);
    expect(body.errors[0].extensions).toMatchObject({ code: "UNAUTHENTICATED", check: "missing" });
    expect(fake!.requests).toHaveLength(0);
  });
});
