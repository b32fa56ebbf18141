// Gateway → subgraph request signatures: what the gateway signs verifies; any change on
// the way (method, path, body, timestamp, nonce), another secret, a stale date either way
// or a second use of a nonce is refused, each with the check that failed; the MAC is
// compared in constant time; the secret is required and long enough.
import * as crypto from "node:crypto";
import { describe, expect, it, vi } from "vitest";

// Spied through, not replaced: the test asserts the comparison went through it.
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  return { ...actual, timingSafeEqual: vi.fn(actual.timingSafeEqual) };
});

const {
  checkSignature, ConfigError, MemoryNonceStore, readSigningConfig, SIGNATURE_HEADERS, signRequest, verifySignedRequest,
} = await import("@onceonly/shared");
type SigningConfig = import("@onceonly/shared").SigningConfig;

const CONFIG: SigningConfig = { secret: "s3cret-s3cret-s3cret-s3cret-0123", maxAgeSeconds: 30 };
const NOW = Date.parse("2026-03-01T08:00:00Z");
const REQUEST = { method: "POST", path: "/graphql", body: JSON.stringify({ query: "{ person(idNumber: \"11010519491231002X\") { name } }" }) };
const NONCE = "0f8fad5b-d9cb-469f-a165-70867728950e";

function signed(overrides: { now?: number; nonce?: string; secret?: string } = {}) {
  return { ...REQUEST, headers: signRequest(overrides.secret ?? CONFIG.secret, REQUEST, { now: overrides.now ?? NOW, nonce: overrides.nonce ?? NONCE }) };
}

const verify = (request: Parameters<typeof verifySignedRequest>[1], now = NOW) => verifySignedRequest(CONFIG, request, new MemoryNonceStore(), { now });

describe("signRequest / verifySignedRequest", () => {
  it("signs with timestamp (s), nonce and v1=<hex HMAC>, and what it signs verifies", async () => {
    const request = signed();
    expect(request.headers).toEqual({
      [SIGNATURE_HEADERS.timestamp]: String(NOW / 1000),
      [SIGNATURE_HEADERS.nonce]: NONCE,
      [SIGNATURE_HEADERS.signature]: expect.stringMatching(/^v1=[0-9a-f]{64}$/),
    });
    expect(await verify(request)).toEqual({ ok: true });
    // A fresh nonce per call by default.
    const a = signRequest(CONFIG.secret, REQUEST);
    const b = signRequest(CONFIG.secret, REQUEST);
    expect(a[SIGNATURE_HEADERS.nonce]).not.toBe(b[SIGNATURE_HEADERS.nonce]);
  });

  it("signs the body's bytes: a Buffer and its UTF-8 string are the same request", async () => {
    const request = signed();
    expect(await verify({ ...request, body: Buffer.from(REQUEST.body, "utf8") })).toEqual({ ok: true });
  });

  it("signs the forwarded identity: a swapped window, department, purpose or request id fails as bad-signature", async () => {
    const identity = { "x-request-id": "r-1", "x-window-id": "LS-W01", "x-department": "%E4%B9%90%E5%B1%B1", "x-purpose": "000102003000" };
    const sign = (headers: Record<string, string>) => ({ ...REQUEST, headers: { ...headers, ...signRequest(CONFIG.secret, { ...REQUEST, headers }, { now: NOW, nonce: NONCE }) } });
    expect(await verify(sign(identity))).toEqual({ ok: true });
    for (const name of Object.keys(identity)) {
      const request = sign(identity);
      request.headers = { ...request.headers, [name]: "LS-W99" };
      expect(await verify(request), name).toMatchObject({ ok: false, check: "bad-signature" });
    }
    // Added on the way where the gateway sent none: refused too.
    const bare = signed();
    expect(await verify({ ...bare, headers: { ...bare.headers, "x-window-id": "LS-W01" } })).toMatchObject({ ok: false, check: "bad-signature" });
  });

  it("the method is case-insensitive, the path and its query string are not", async () => {
    expect(await verify({ ...signed(), method: "post" })).toEqual({ ok: true });
  });

  it.each([
    ["method", { method: "GET" }],
    ["path", { path: "/graphql?x=1" }],
    ["body", { body: REQUEST.body.replace("11010519491231002X", "110105194912310021") }],
  ])("a changed %s fails as bad-signature", async (_what, change) => {
    const result = await verify({ ...signed(), ...change });
    expect(result).toMatchObject({ ok: false, check: "bad-signature" });
    expect(!result.ok && result.message).toMatch(/does not match/);
  });

  it("a changed timestamp (still fresh) or nonce fails as bad-signature", async () => {
    const request = signed();
    const laterBy5 = { ...request.headers, [SIGNATURE_HEADERS.timestamp]: String(NOW / 1000 + 5) };
    expect(await verify({ ...request, headers: laterBy5 })).toMatchObject({ ok: false, check: "bad-signature" });
    const otherNonce = { ...request.headers, [SIGNATURE_HEADERS.nonce]: "1f8fad5b-d9cb-469f-a165-70867728950e" };
    expect(await verify({ ...request, headers: otherNonce })).toMatchObject({ ok: false, check: "bad-signature" });
  });

  it("another secret fails as bad-signature", async () => {
    expect(await verify(signed({ secret: "another-secret-another-secret-01" }))).toMatchObject({ ok: false, check: "bad-signature" });
  });

  it("compares MACs with crypto.timingSafeEqual", async () => {
    const spy = vi.mocked(crypto.timingSafeEqual);
    spy.mockClear();
    await verify(signed());
    await verify(signed({ secret: "another-secret-another-secret-01" }));
    expect(spy).toHaveBeenCalledTimes(2);
    expect(spy.mock.calls[0][0]).toHaveLength(32);
  });

  it("refuses stale requests both ways, naming the age and the limit", async () => {
    const old = await verify(signed({ now: NOW - 60_000 }));
    expect(old).toMatchObject({ ok: false, check: "stale" });
    expect(!old.ok && old.message).toMatch(/60 s old.*at most 30 s.*SIGNATURE_MAX_AGE_SECONDS/);
    const future = await verify(signed({ now: NOW + 45_000 }));
    expect(future).toMatchObject({ ok: false, check: "stale" });
    expect(!future.ok && future.message).toMatch(/45 s in the future/);
    // The bound itself is accepted.
    expect(await verify(signed({ now: NOW - 30_000 }))).toEqual({ ok: true });
    expect(await verify(signed({ now: NOW + 30_000 }))).toEqual({ ok: true });
  });

  it("refuses a replay: the same signed request twice is answered once", async () => {
    const nonces = new MemoryNonceStore();
    const request = signed();
    expect(await verifySignedRequest(CONFIG, request, nonces, { now: NOW })).toEqual({ ok: true });
    const again = await verifySignedRequest(CONFIG, request, nonces, { now: NOW + 1000 });
    expect(again).toMatchObject({ ok: false, check: "replayed" });
    expect(!again.ok && again.message).toContain(NONCE);
  });

  it("claims a nonce only for an authentic, fresh request, for as long as its timestamp stays acceptable", async () => {
    const nonces = new MemoryNonceStore();
    const claim = vi.spyOn(nonces, "claim");
    await verifySignedRequest(CONFIG, signed({ secret: "another-secret-another-secret-01" }), nonces, { now: NOW });
    await verifySignedRequest(CONFIG, signed({ now: NOW - 60_000 }), nonces, { now: NOW });
    expect(claim).not.toHaveBeenCalled();
    // Signed 10 s ago: acceptable for 20 s more (+1 s for whole-second timestamps).
    expect(checkSignature(CONFIG, signed({ now: NOW - 10_000 }), { now: NOW })).toEqual({ ok: true, nonce: NONCE, ttlSeconds: 21 });
  });

  it("tells missing headers from malformed ones", async () => {
    const request = signed();
    const without = (name: string) => Object.fromEntries(Object.entries(request.headers).filter(([k]) => k !== name));
    const missing = await verify({ ...request, headers: {} });
    expect(missing).toMatchObject({ ok: false, check: "missing" });
    expect(!missing.ok && missing.message).toMatch(/not signed by the gateway: x-onceonly-timestamp, x-onceonly-nonce, x-onceonly-signature missing/);
    expect(await verify({ ...request, headers: without(SIGNATURE_HEADERS.nonce) })).toMatchObject({ check: "missing", message: expect.stringMatching(/x-onceonly-nonce missing/) });
    for (const [name, value] of [
      [SIGNATURE_HEADERS.timestamp, "yesterday"],
      [SIGNATURE_HEADERS.nonce, "short"],
      [SIGNATURE_HEADERS.nonce, "has\nnewline-and-more-than-16"],
      [SIGNATURE_HEADERS.signature, "v2=abc"],
      [SIGNATURE_HEADERS.signature, `${request.headers[SIGNATURE_HEADERS.signature]}, ${request.headers[SIGNATURE_HEADERS.signature]}`],
    ]) {
      const result = await verify({ ...request, headers: { ...request.headers, [name]: value } });
      expect(result, `${name}: ${value}`).toMatchObject({ ok: false, check: "malformed" });
      expect(!result.ok && result.message).toContain(name);
    }
    expect(await verify({ ...request, headers: { ...request.headers, [SIGNATURE_HEADERS.nonce]: [NONCE, NONCE] } })).toMatchObject({ check: "malformed" });
  });

  it("will not sign with a nonce that could not verify", () => {
    expect(() => signRequest(CONFIG.secret, REQUEST, { nonce: "x\ny" })).toThrow(/nonce/);
  });
});

describe("readSigningConfig", () => {
  const SECRET = "0123456789abcdef0123456789abcdef";

  it("reads the secret and SIGNATURE_MAX_AGE_SECONDS (default 30)", () => {
    expect(readSigningConfig({ SUBGRAPH_SIGNING_SECRET: SECRET })).toEqual({ secret: SECRET, maxAgeSeconds: 30 });
    expect(readSigningConfig({ SUBGRAPH_SIGNING_SECRET: SECRET, SIGNATURE_MAX_AGE_SECONDS: "5" })).toEqual({ secret: SECRET, maxAgeSeconds: 5 });
  });

  it("refuses an unset or short secret, naming the variable and the rule, never echoing the value", () => {
    expect(() => readSigningConfig({})).toThrow(ConfigError);
    expect(() => readSigningConfig({ SUBGRAPH_SIGNING_SECRET: "  " })).toThrow(/SUBGRAPH_SIGNING_SECRET is not set.*at least 32 characters.*openssl rand -hex 32/);
    let message = "";
    try {
      readSigningConfig({ SUBGRAPH_SIGNING_SECRET: "tiny-secret" });
    } catch (error) {
      message = (error as Error).message;
    }
    expect(message).toMatch(/SUBGRAPH_SIGNING_SECRET is 11 characters long, fewer than 32/);
    expect(message).not.toContain("tiny-secret");
  });

  it("refuses an out-of-range SIGNATURE_MAX_AGE_SECONDS", () => {
    expect(() => readSigningConfig({ SUBGRAPH_SIGNING_SECRET: SECRET, SIGNATURE_MAX_AGE_SECONDS: "0" })).toThrow(/SIGNATURE_MAX_AGE_SECONDS="0" must be an integer from 1 to 300/);
  });
});
