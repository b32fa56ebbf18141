// The gateway signs every request it sends a subgraph (gateway-only subgraphs): each HTTP
// request carries its own timestamp, nonce and HMAC over exactly the bytes sent, and
// identical fetches sharing one request share its one signature — nothing signed goes
// out twice, so no genuine request is refused as a replay.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MemoryNonceStore, SIGNATURE_HEADERS, verifySignedRequest } from "@onceonly/shared";
import { SubgraphClient } from "../src/subgraph-client.js";
import { FakeSubgraph, json, until } from "./fake-subgraph.js";

const SIGNING = { secret: "gateway-test-secret-0123456789abcdef", maxAgeSeconds: 30 };
const BODY = JSON.stringify({ query: "query($n: String!) { greeting(name: $n) }", variables: { n: "张三" } });

let fake: FakeSubgraph;
let client: SubgraphClient;
beforeEach(async () => {
  fake = new FakeSubgraph();
  const url = await fake.start();
  fake.answer = json({ data: { greeting: "hello" } });
  client = new SubgraphClient({ name: "registry", url: `${url}?tenant=ls`, timeoutMs: 5000, signingSecret: SIGNING.secret });
});
afterEach(async () => {
  await client.close();
  await fake.close();
});

describe("subgraph request signing", () => {
  it("signs method, path with its query string, and the body sent: the subgraph's check accepts it", async () => {
    const reply = await client.post(BODY, { "content-type": "application/json", "x-window-id": "LS-SZ-07" }, null);
    expect(reply.status).toBe(200);
    const [request] = fake.requests;
    expect(request.path).toBe("/graphql?tenant=ls");
    expect(request.headers).toMatchObject({ "x-window-id": "LS-SZ-07", [SIGNATURE_HEADERS.signature]: expect.stringMatching(/^v1=[0-9a-f]{64}$/) });
    expect(await verifySignedRequest(SIGNING, { method: request.method, path: request.path, headers: request.headers, body: request.raw }, new MemoryNonceStore())).toEqual({ ok: true });
    // Another secret would not verify it.
    const other = await verifySignedRequest({ ...SIGNING, secret: "x".repeat(32) }, { method: request.method, path: request.path, headers: request.headers, body: request.raw }, new MemoryNonceStore());
    expect(other).toMatchObject({ ok: false, check: "bad-signature" });
  });

  it("one signature per HTTP request: shared fetches share it, every other request has its own nonce", async () => {
    fake.hold();
    const shared = [client.post(BODY, {}, "window-1"), client.post(BODY, {}, "window-1")];
    const own = [client.post(BODY, {}, null), client.post(BODY, {}, "window-2")];
    await until(() => fake.requests.length === 3, "three requests to arrive");
    fake.release();
    await Promise.all([...shared, ...own]);
    await client.post(BODY, {}, "window-1"); // the first has answered: a request of its own
    expect(fake.requests).toHaveLength(4);
    const nonces = new MemoryNonceStore();
    for (const request of fake.requests) {
      expect(await verifySignedRequest(SIGNING, { method: request.method, path: request.path, headers: request.headers, body: request.raw }, nonces)).toEqual({ ok: true });
    }
    expect(new Set(fake.requests.map((r) => r.headers[SIGNATURE_HEADERS.nonce])).size).toBe(4);
  });
});
