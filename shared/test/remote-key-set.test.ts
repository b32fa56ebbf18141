// The receipt key set a verifier fetches over HTTP: lazily, once, again only on demand
// and at most every minIntervalMs, never with private members, keeping the last good set.
import { createServer, type Server } from "node:http";
import { createEphemeralReceiptSigner, remoteKeySet, verifyReceipt } from "@onceonly/shared";
import { afterEach, describe, expect, it } from "vitest";

interface Served {
  url: string;
  hits: () => number;
  answer: (status: number, body: unknown) => void;
  server: Server;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => new Promise((resolve) => s.close(resolve))));
});

async function serve(body: unknown): Promise<Served> {
  let hits = 0;
  let reply = { status: 200, body };
  const server = createServer((_req, res) => {
    hits++;
    res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return { url: `http://127.0.0.1:${port}/.well-known/jwks.json`, hits: () => hits, answer: (status, b) => void (reply = { status, body: b }), server };
}

describe("remoteKeySet", () => {
  it("fetches nothing until asked, then once, and verifies receipts with what it fetched", async () => {
    const signer = await createEphemeralReceiptSigner();
    const jwks = await serve(signer.publicJwks());
    const keys = remoteKeySet(jwks.url);
    expect(jwks.hits()).toBe(0);
    const receipt = await signer.sign({ licenseId: "L1", typeCode: "T", holderCode: "H", outcome: "VALID", checkedAt: new Date().toISOString(), validUntil: null, window: null, purpose: null });
    expect(await verifyReceipt(receipt, await keys.current())).toMatchObject({ ok: true });
    await keys.current();
    expect(jwks.hits()).toBe(1);
  });

  it("fetches again on refresh at most once per interval", async () => {
    let now = 1_000_000;
    const jwks = await serve({ keys: [] });
    const keys = remoteKeySet(jwks.url, { minIntervalMs: 30_000, now: () => now });
    await keys.current();
    await keys.refresh();
    expect(jwks.hits()).toBe(1); // a forged kid cannot make it fetch on every request
    now += 30_001;
    const signer = await createEphemeralReceiptSigner();
    jwks.answer(200, signer.publicJwks());
    expect((await keys.refresh()).keys).toHaveLength(1);
    expect(jwks.hits()).toBe(2);
  });

  it("keeps the last good set when the publisher is down, and names the URL when there is none", async () => {
    let now = 0;
    const jwks = await serve({ keys: [] });
    const keys = remoteKeySet(jwks.url, { minIntervalMs: 10, now: () => now });
    jwks.answer(503, { error: "down" });
    await expect(keys.current()).rejects.toThrow(`${jwks.url} answered HTTP 503`);
    jwks.answer(200, { keys: [{ kty: "OKP", crv: "Ed25519", x: "abc" }] });
    now += 11;
    expect((await keys.current()).keys).toHaveLength(1);
    jwks.answer(503, { error: "down" });
    now += 11;
    expect((await keys.refresh()).keys).toHaveLength(1);
  });

  it("refuses a set that is not a JWKS or carries private key material", async () => {
    const notJwks = await serve({ nope: true });
    await expect(remoteKeySet(notJwks.url).current()).rejects.toThrow(/is not a JWKS/);
    const leaky = await serve({ keys: [{ kty: "OKP", crv: "Ed25519", x: "abc", d: "secret" }] });
    await expect(remoteKeySet(leaky.url).current()).rejects.toThrow(/private key material/);
  });
});
