// Gateway-only subgraphs over HTTP: a real registry service on port 0 answers /graphql
// only for requests signed with the gateway's secret, each once, recently dated; every
// refusal is a 401 with a GraphQL error naming the check, and a warning in the log
// (without the body). Health and metrics stay open.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { logger, signRequest, type RunningServer } from "@onceonly/shared";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { startRegistryService } from "../src/server.js";
import { ID } from "./fixtures.js";
import { openRegistry, type Registry } from "./harness.js";

const QUERY = JSON.stringify({ query: "query($id: ID!) { person(idNumber: $id) { name } }", variables: { id: ID.eldestSon } });
const POST = { method: "POST", headers: { "content-type": "application/json" }, body: QUERY };

type Refusal = { errors: { message: string; extensions: { code: string; check: string } }[] };

describe("registry service: gateway-signed requests only", () => {
  let registry: Registry;
  let server: RunningServer;
  const lines: Record<string, unknown>[] = [];
  beforeAll(async () => {
    registry = await openRegistry("pglite");
    // The service's loggers are children of the shared logger: capture what they write.
    const captured = pino({ level: "info" }, new Writable({ write: (chunk, _e, done) => (lines.push(JSON.parse(String(chunk))), done()) }));
    vi.spyOn(logger, "child").mockReturnValue(captured as unknown as ReturnType<typeof logger.child>);
    server = await startRegistryService({ silo: registry.silo, port: 0, signing: TEST_SIGNING });
  });
  afterAll(async () => {
    vi.restoreAllMocks();
    await server?.close();
    await registry?.dispose();
  });

  async function refused(response: Response, check: string): Promise<string> {
    expect(response.status).toBe(401);
    const body = (await response.json()) as Refusal;
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0].extensions).toEqual({ code: "UNAUTHENTICATED", check });
    return body.errors[0].message;
  }

  it("answers a correctly signed request", async () => {
    const response = await signedFetch(server.url, POST);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ data: { person: { name: "李建国" } } });
  });

  it("an unsigned request: 401, check missing", async () => {
    const message = await refused(await fetch(server.url, POST), "missing");
    expect(message).toMatch(/not signed by the gateway/);
  });

  it("signed with another secret: 401, check bad-signature", async () => {
    await refused(await signedFetch(server.url, POST, { secret: "not-the-gateways-secret-0123456789" }), "bad-signature");
  });

  it("a signed request whose body was changed on the way: 401, check bad-signature", async () => {
    const headers = { ...POST.headers, ...signRequest(TEST_SIGNING.secret, { method: "POST", path: "/graphql", body: QUERY }) };
    await refused(await fetch(server.url, { method: "POST", headers, body: QUERY.replace(ID.eldestSon, "11010519491231002X") }), "bad-signature");
  });

  it("the same signed request sent twice: the second is 401, check replayed", async () => {
    const headers = { ...POST.headers, ...signRequest(TEST_SIGNING.secret, { method: "POST", path: "/graphql", body: QUERY }) };
    expect((await fetch(server.url, { method: "POST", headers, body: QUERY })).status).toBe(200);
    await refused(await fetch(server.url, { method: "POST", headers, body: QUERY }), "replayed");
  });

  it("a request signed 60 s ago: 401, check stale", async () => {
    const message = await refused(await signedFetch(server.url, POST, { now: Date.now() - 60_000 }), "stale");
    expect(message).toMatch(/at most 30 s/);
  });

  it("signs the query string too: a GET signed for other variables is refused", async () => {
    const url = new URL(server.url);
    url.searchParams.set("query", "{ __typename }");
    const ok = await signedFetch(url, { headers: { "apollo-require-preflight": "true" } });
    expect(ok.status).toBe(200);
    const headers = { "apollo-require-preflight": "true", ...signRequest(TEST_SIGNING.secret, { method: "GET", path: url.pathname + url.search, body: "" }) };
    url.searchParams.set("query", "{ _service { sdl } }");
    await refused(await fetch(url, { headers }), "bad-signature");
  });

  it("logs each refusal as a warning: check, reason, method, path, remote address — never the body", async () => {
    lines.length = 0;
    await fetch(server.url, POST);
    const warnings = lines.filter((l) => l.level === 40);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ check: "missing", method: "POST", path: "/graphql", remoteAddress: expect.stringMatching(/127\.0\.0\.1/) });
    expect(warnings[0].reason).toMatch(/not signed by the gateway/);
    expect(JSON.stringify(warnings[0])).not.toContain(ID.eldestSon);
  });

  it("keeps /healthz and /metrics unsigned", async () => {
    expect((await fetch(new URL("/healthz", server.url))).status).toBe(200);
    expect((await fetch(new URL("/metrics", server.url))).status).toBe(200);
  });
});
