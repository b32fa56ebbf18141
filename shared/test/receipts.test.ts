// Receipts are checked offline: a receipt verifies with the published keys alone, any
// changed character breaks it, and key rotation keeps old receipts verifiable exactly
// as long as they live.
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { calculateJwkThumbprint } from "jose";
import { afterEach, describe, expect, it } from "vitest";
import {
  createEphemeralReceiptSigner, KEY_PUBLISH_LEAD_SECONDS, openReceiptSigner, readKeyFile, readReceiptKeyConfig, rotateReceiptKeys, verifyReceipt,
  type ReceiptKeyConfig, type VerificationReceiptClaims,
} from "@onceonly/shared";

const DAY = 24 * 3600;
const T0 = new Date("2026-03-01T08:00:00.000Z");
const at = (base: Date, seconds: number) => new Date(base.getTime() + seconds * 1000);

const claims = (overrides: Partial<VerificationReceiptClaims> = {}): VerificationReceiptClaims => ({
  licenseId: "1100001234567890123X", typeCode: "111", holderCode: "11010519491231002X", outcome: "VALID",
  checkedAt: T0.toISOString(), validUntil: "2030-12-31", window: "W-0001", purpose: "MATTER:110101", ...overrides,
});

const dirs: string[] = [];
function tempConfig(ttlSeconds = 7 * DAY): ReceiptKeyConfig {
  const dir = mkdtempSync(join(tmpdir(), "receipts-"));
  dirs.push(dir);
  return { keysFile: join(dir, "nested", "receipt-keys.json"), ttlSeconds };
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe("verifyReceipt", () => {
  it("verifies a fresh receipt and returns its claims and kid", async () => {
    const signer = await createEphemeralReceiptSigner();
    const receipt = await signer.sign(claims({ validUntil: null, window: null }));
    const result = await verifyReceipt(receipt, signer.publicJwks(T0), { now: at(T0, 60) });
    expect(result).toMatchObject({ ok: true, kid: signer.publicJwks().keys[0].kid, claims: claims({ validUntil: null, window: null }) });
    if (result.ok) expect(result.expiresAt.getTime() - result.issuedAt.getTime()).toBe(7 * DAY * 1000);
  });

  it("fails when any single character of header, payload or signature is changed", async () => {
    const signer = await createEphemeralReceiptSigner();
    const receipt = await signer.sign(claims());
    const jwks = signer.publicJwks(T0);
    const [header, payload] = receipt.split(".");
    for (let i = 0; i < receipt.length; i++) {
      const replacement = receipt[i] === "A" ? "B" : "A";
      const tampered = receipt.slice(0, i) + replacement + receipt.slice(i + 1);
      const result = await verifyReceipt(tampered, jwks, { now: at(T0, 60) });
      expect(result.ok, `character ${i} changed`).toBe(false);
    }
    // A change inside a segment that still decodes is caught by the signature itself.
    const middle = (from: number, length: number) => from + Math.floor(length / 2);
    const flip = (i: number) => receipt.slice(0, i) + (receipt[i] === "x" ? "y" : "x") + receipt.slice(i + 1);
    const payloadAt = middle(header.length + 1, payload.length);
    const signatureAt = middle(header.length + payload.length + 2, receipt.length - header.length - payload.length - 2);
    expect(await verifyReceipt(flip(payloadAt), jwks, { now: at(T0, 60) })).toMatchObject({ ok: false, reason: expect.stringMatching(/bad-signature|malformed/) });
    expect(await verifyReceipt(flip(signatureAt), jwks, { now: at(T0, 60) })).toMatchObject({ ok: false, reason: "bad-signature" });
    expect(await verifyReceipt(flip(header.length - 3), jwks, { now: at(T0, 60) })).toMatchObject({ ok: false });
  });

  it("says malformed for what is not a compact JWS", async () => {
    const signer = await createEphemeralReceiptSigner();
    for (const junk of ["", "abc", "a.b", "a.b.c.d", "e30.e30.", "!!.??.##"]) {
      expect(await verifyReceipt(junk, signer.publicJwks()), junk).toMatchObject({ ok: false, reason: "malformed" });
    }
  });

  it("says unknown-key when the key set does not hold the signing key", async () => {
    const signer = await createEphemeralReceiptSigner();
    const stranger = await createEphemeralReceiptSigner();
    const receipt = await signer.sign(claims());
    expect(await verifyReceipt(receipt, stranger.publicJwks(), { now: at(T0, 60) })).toMatchObject({ ok: false, reason: "unknown-key" });
    expect(await verifyReceipt(receipt, { keys: [] }, { now: at(T0, 60) })).toMatchObject({ ok: false, reason: "unknown-key" });
  });

  it("says expired past exp (iat + ttl) and too-old past maxAgeSeconds", async () => {
    const signer = await createEphemeralReceiptSigner(3600);
    const receipt = await signer.sign(claims());
    const jwks = signer.publicJwks(T0);
    expect((await verifyReceipt(receipt, jwks, { now: at(T0, 3599) })).ok).toBe(true);
    expect(await verifyReceipt(receipt, jwks, { now: at(T0, 3600) })).toMatchObject({ ok: false, reason: "expired" });
    expect((await verifyReceipt(receipt, jwks, { now: at(T0, 600), maxAgeSeconds: 600 })).ok).toBe(true);
    expect(await verifyReceipt(receipt, jwks, { now: at(T0, 601), maxAgeSeconds: 600 })).toMatchObject({ ok: false, reason: "too-old" });
  });

  it("refuses to sign claims of the wrong shape", async () => {
    const signer = await createEphemeralReceiptSigner();
    await expect(signer.sign(claims({ checkedAt: "yesterday" }))).rejects.toThrow(/checkedAt/);
    await expect(signer.sign(claims({ validUntil: "31/12/2030" }))).rejects.toThrow(/validUntil/);
  });
});

describe("receipt key store", () => {
  it("creates the key file once (mode 0600, parent made) and reuses it across opens", async () => {
    const config = tempConfig();
    const first = await openReceiptSigner(config);
    const again = await openReceiptSigner(config);
    expect(again.publicJwks().keys.map((k) => k.kid)).toEqual(first.publicJwks().keys.map((k) => k.kid));
    expect(statSync(config.keysFile).mode & 0o777).toBe(0o600);
    const receipt = await first.sign(claims());
    expect((await verifyReceipt(receipt, again.publicJwks(), { now: at(T0, 1) })).ok).toBe(true);
  });

  it("publishes public members only: no d, kid is the RFC 7638 thumbprint, EdDSA / Ed25519", async () => {
    const config = tempConfig();
    const signer = await openReceiptSigner(config, { reloadCheckMs: 0 });
    await rotateReceiptKeys(config);
    const { keys } = signer.publicJwks();
    expect(keys).toHaveLength(2);
    for (const key of keys) {
      expect(Object.keys(key).sort()).toEqual(["alg", "crv", "kid", "kty", "use", "x"]);
      expect(key).toMatchObject({ kty: "OKP", crv: "Ed25519", alg: "EdDSA", use: "sig" });
      expect(key.kid).toBe(await calculateJwkThumbprint({ kty: "OKP", crv: "Ed25519", x: key.x }, "sha256"));
    }
    expect(JSON.stringify(keys)).not.toContain('"d"');
    expect(readKeyFile(config.keysFile)?.keys.every((k) => typeof k.d === "string")).toBe(true);
  });

  it("hands over to a new key after the publish lead; the retired key stays published until its last receipt expires", async () => {
    const config = tempConfig(7 * DAY);
    const signer = await openReceiptSigner(config, { reloadCheckMs: 0, createdAt: at(T0, -DAY) });
    const kidOf = async (receipt: string, now: Date) => {
      const result = await verifyReceipt(receipt, signer.publicJwks(now), { now });
      return result.ok ? result.kid : result.reason;
    };
    const old = await signer.sign(claims());
    const oldKid = await kidOf(old, T0);

    const rotatedAt = at(T0, 3 * DAY);
    const { retired, active } = await rotateReceiptKeys(config, rotatedAt);
    expect(retired).toBe(oldKid);
    // Published at once, signing only after the lead, so cached key sets already hold it.
    expect(signer.publicJwks(rotatedAt).keys.map((k) => k.kid)).toEqual([active, oldKid]);
    const lead = KEY_PUBLISH_LEAD_SECONDS;
    const lastOld = await signer.sign(claims({ checkedAt: at(rotatedAt, lead - 1).toISOString() }));
    expect(await kidOf(lastOld, at(rotatedAt, lead))).toBe(oldKid);
    const firstNew = await signer.sign(claims({ checkedAt: at(rotatedAt, lead).toISOString() }));
    expect(await kidOf(firstNew, at(rotatedAt, lead))).toBe(active);

    // The last receipt of the old key lives until rotatedAt + lead - 1 + ttl; its key until rotatedAt + lead + ttl.
    const lastMoment = at(rotatedAt, lead - 1 + 7 * DAY - 1);
    expect(await kidOf(lastOld, lastMoment)).toBe(oldKid);
    expect(await kidOf(old, lastMoment)).toBe("expired");
    const gone = at(rotatedAt, lead + 7 * DAY);
    expect(signer.publicJwks(at(gone, -1)).keys.map((k) => k.kid)).toEqual([active, oldKid]);
    expect(signer.publicJwks(gone).keys.map((k) => k.kid)).toEqual([active]);
    expect(await kidOf(old, gone)).toBe("unknown-key");
    expect(await kidOf(firstNew, gone)).toBe("expired");

    // A later rotation removes the dead key from the file as well.
    await rotateReceiptKeys(config, gone);
    expect(readKeyFile(config.keysFile)?.keys.map((k) => k.kid)).not.toContain(oldKid);
  });

  it("reads its configuration from the environment, telling unset from invalid", () => {
    expect(readReceiptKeyConfig({})).toEqual({ keysFile: join(".data", "receipt-keys.json"), ttlSeconds: 604800 });
    expect(readReceiptKeyConfig({ DATA_DIR: "/var/x", RECEIPT_TTL_SECONDS: "3600" })).toEqual({ keysFile: "/var/x/receipt-keys.json", ttlSeconds: 3600 });
    expect(readReceiptKeyConfig({ RECEIPT_KEYS_FILE: "/k.json" }).keysFile).toBe("/k.json");
    expect(() => readReceiptKeyConfig({ RECEIPT_TTL_SECONDS: "a week" })).toThrow(/RECEIPT_TTL_SECONDS="a week"/);
  });
});
