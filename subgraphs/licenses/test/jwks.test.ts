// The licences service publishes its receipt keys at /.well-known/jwks.json (the gateway
// republishes them): public members only, and a receipt the signer made verifies with them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner, verifyReceipt, type JWK, type ReceiptSigner, type RunningServer } from "@onceonly/shared";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { MIGRATIONS, startLicensesService } from "../src/server.js";

describe.each(ENGINES)("licences /.well-known/jwks.json on %s", (engine) => {
  let test: TestSilo;
  let signer: ReceiptSigner;
  let server: RunningServer;
  let unsigned: RunningServer;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    signer = await createEphemeralReceiptSigner();
    server = await startLicensesService({ silo: test.silo, port: 0, signer, signing: TEST_SIGNING });
    unsigned = await startLicensesService({ silo: test.silo, port: 0, signing: TEST_SIGNING });
  });
  afterAll(async () => {
    await server?.close();
    await unsigned?.close();
    await test?.dispose();
  });

  it("serves the signer's public keys, which verify its receipts", async () => {
    const response = await fetch(new URL("/.well-known/jwks.json", server.url));
    expect(response.status).toBe(200);
    const jwks = (await response.json()) as { keys: JWK[] };
    expect(jwks).toEqual(signer.publicJwks());
    expect(jwks.keys.every((k) => !("d" in k))).toBe(true);
    const receipt = await signer.sign({
      licenseId: null, typeCode: "111", holderCode: null, outcome: "NOT_FOUND", checkedAt: new Date().toISOString(),
      validUntil: null, window: null, purpose: "test",
    });
    expect((await verifyReceipt(receipt, jwks)).ok).toBe(true);
  });

  it("has no key route without a signer", async () => {
    expect((await fetch(new URL("/.well-known/jwks.json", unsigned.url))).status).toBe(404);
  });
});
