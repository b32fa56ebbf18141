// Offline receipt check: only the receipt and a published key set, no call to anyone.
// Order matters for the reasons given: shape of the envelope, then the key, then the
// signature, and only then the claims and the clock (an unsigned claim proves nothing).
import { base64url, compactVerify, createLocalJWKSet, decodeProtectedHeader, errors, type JWK } from "jose";
import { parseReceiptClaims, type VerificationReceiptClaims } from "./claims.js";
import { RECEIPT_ALG } from "./keys.js";

export type ReceiptFailureReason = "malformed" | "unknown-key" | "bad-signature" | "expired" | "too-old";

export type ReceiptVerification =
  | { ok: true; claims: VerificationReceiptClaims; kid: string; issuedAt: Date; expiresAt: Date }
  | { ok: false; reason: ReceiptFailureReason; message: string };

export interface VerifyReceiptOptions {
  now?: Date;
  /** Reject receipts issued longer ago than this (the case-acceptance flow's freshness rule). */
  maxAgeSeconds?: number;
}

export async function verifyReceipt(receipt: string, jwks: { keys: JWK[] }, options: VerifyReceiptOptions = {}): Promise<ReceiptVerification> {
  const fail = (reason: ReceiptFailureReason, message: string): ReceiptVerification => ({ ok: false, reason, message });
  const jws = receipt.trim();
  const segments = jws.split(".");
  // Non-canonical base64url (e.g. different unused bits in the last character) would
  // decode to the same bytes: refused, so that changing any character changes the verdict.
  if (segments.length !== 3 || !segments.every(isCanonicalBase64url)) return fail("malformed", "not a compact JWS (three canonical base64url segments)");
  let kid: unknown;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== RECEIPT_ALG) return fail("malformed", `alg must be ${RECEIPT_ALG}, got ${String(header.alg)}`);
    kid = header.kid;
  } catch {
    return fail("malformed", "the protected header is not base64url JSON");
  }
  if (typeof kid !== "string" || kid === "") return fail("malformed", "the protected header names no kid");

  let payloadBytes: Uint8Array;
  try {
    const keySet = createLocalJWKSet(jwks as Parameters<typeof createLocalJWKSet>[0]);
    ({ payload: payloadBytes } = await compactVerify(jws, keySet, { algorithms: [RECEIPT_ALG] }));
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return fail("unknown-key", `key ${kid} is not in the published key set (never ours, or retired and expired)`);
    if (error instanceof errors.JWSSignatureVerificationFailed) return fail("bad-signature", `the signature does not match key ${kid}: the receipt was altered`);
    if (error instanceof errors.JWKSInvalid) return fail("unknown-key", `the key set is not a JWKS: ${(error as Error).message}`);
    return fail("malformed", (error as Error).message);
  }

  let payload: Record<string, unknown>;
  try {
    payload = JSON.parse(new TextDecoder().decode(payloadBytes)) as Record<string, unknown>;
  } catch {
    return fail("malformed", "the signed payload is not JSON");
  }
  const { iat, exp } = payload;
  if (typeof iat !== "number" || typeof exp !== "number") return fail("malformed", "the receipt lacks numeric iat / exp");
  const claims = parseReceiptClaims(payload);
  if (typeof claims === "string") return fail("malformed", claims);

  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (now >= exp) return fail("expired", `the receipt expired at ${isoSeconds(exp)}`);
  if (options.maxAgeSeconds !== undefined && now - iat > options.maxAgeSeconds) {
    return fail("too-old", `the receipt was issued at ${isoSeconds(iat)}, more than ${options.maxAgeSeconds} s ago`);
  }
  return { ok: true, claims, kid, issuedAt: new Date(iat * 1000), expiresAt: new Date(exp * 1000) };
}

// Private: the segment re-encodes to itself.
function isCanonicalBase64url(segment: string): boolean {
  if (segment === "" || !/^[A-Za-z0-9_-]+$/.test(segment)) return false;
  try {
    return base64url.encode(base64url.decode(segment)) === segment;
  } catch {
    return false;
  }
}

function isoSeconds(seconds: number): string {
  return new Date(seconds * 1000).toISOString();
}
