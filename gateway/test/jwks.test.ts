// The gateway republishes the licences subgraph's receipt keys: fetched from the origin of
// the configured licences URL, cached briefly, stale rather than absent when the subgraph
// is down, 503 only when it never answered, and never anything private.
import { TestServers } from "../../test/support/http.js";
import { afterEach, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner, jwksRoute, verifyReceipt, type VerificationReceiptClaims } from "@onceonly/shared";
import { jwksProxy } from "../src/jwks.js";

const servers = new TestServers();
const listen = (handler: Parameters<TestServers["listen"]>[0]) => servers.listen(handler);
afterEach(() => servers.closeAll());

/** A stand-in licences subgraph: its real JWKS route, switchable to failing, counting hits. */
async function fakeLicences() {
  const signer = await createEphemeralReceiptSigner();
  const state = { hits: 0, failing: false, body: null as unknown };
  const route = jwksRoute(signer);
  const base = await listen((req, res) => {
    if (req.url !== "/.well-known/jwks.json") { res.statusCode = 404; return res.end(); }
    state.hits++;
    if (state.failing) { res.statusCode = 500; return res.end(); }
    if (state.body) { res.setHeader("content-type", "application/json"); return res.end(JSON.stringify(state.body)); }
    return route(req, res);
  });
  return { signer, state, licensesUrl: `${base}/graphql` };
}

async function gatewayWith(licensesUrl: string, clock: { t: number }) {
  const route = jwksProxy({ licensesUrl, ttlMs: 30_000, timeoutMs: 500, now: () => clock.t });
  const base = await listen((req, res) => void route(req, res));
  return async () => {
    const response = await fetch(`${base}/.well-known/jwks.json`);
    return { status: response.status, cacheControl: response.headers.get("cache-control"), body: (await response.json()) as { keys: { kid: string }[] } };
  };
}

describe("gateway /.well-known/jwks.json", () => {
  it("republishes the licences key set, and a receipt verifies offline against it", async () => {
    const licences = await fakeLicences();
    const get = await gatewayWith(licences.licensesUrl, { t: 0 });
    const { status, body, cacheControl } = await get();
    expect(status).toBe(200);
    expect(cacheControl).toBe("public, max-age=30");
    expect(body).toEqual(licences.signer.publicJwks());
    const claims: VerificationReceiptClaims = {
      licenseId: "L1", typeCode: "111", holderCode: null, outcome: "VALID", checkedAt: new Date().toISOString(),
      validUntil: null, window: "W1", purpose: "P1",
    };
    const receipt = await licences.signer.sign(claims);
    expect(await verifyReceipt(receipt, body as Parameters<typeof verifyReceipt>[1])).toMatchObject({ ok: true, claims });
  });

  it("asks the subgraph at most once per 30 s, and again after", async () => {
    const licences = await fakeLicences();
    const clock = { t: 0 };
    const get = await gatewayWith(licences.licensesUrl, clock);
    await Promise.all([get(), get(), get()]);
    clock.t = 29_999;
    await get();
    expect(licences.state.hits).toBe(1);
    clock.t = 30_000;
    await get();
    expect(licences.state.hits).toBe(2);
  });

  it("serves the last good set when the subgraph fails, 503 when it never answered", async () => {
    const licences = await fakeLicences();
    const clock = { t: 0 };
    const get = await gatewayWith(licences.licensesUrl, clock);
    const good = await get();
    licences.state.failing = true;
    clock.t = 60_000;
    const stale = await get();
    expect(stale.status).toBe(200);
    expect(stale.body).toEqual(good.body);
    expect(stale.cacheControl).toBe("public, max-age=0");

    const never = await gatewayWith("http://127.0.0.1:9/graphql", { t: 0 });
    expect((await never()).status).toBe(503);
  });

  it("refuses a key set that carries private key material or is not a JWKS", async () => {
    const licences = await fakeLicences();
    licences.state.body = { keys: [{ kty: "OKP", crv: "Ed25519", x: "abc", d: "secret", kid: "k" }] };
    const get = await gatewayWith(licences.licensesUrl, { t: 0 });
    const leaked = await get();
    expect(leaked.status).toBe(503);
    expect(JSON.stringify(leaked.body)).not.toContain("secret");
    licences.state.body = { hello: "world" };
    expect((await (await gatewayWith(licences.licensesUrl, { t: 0 }))()).status).toBe(503);
  });
});
