// Signed checkpoints: a compact JWS (EdDSA over Ed25519) of {"seq","hash","at"}. A verifier
// holding only the public key can then tell the chain up to `seq` is the one the gateway
// wrote: rewriting it needs the private key, and cutting the tail leaves a checkpoint
// (or the head row) pointing past the end.
import { CompactSign, compactVerify, createLocalJWKSet, decodeProtectedHeader, errors, importJWK, type CryptoKey, type JWK } from "jose";
import { AUDIT_KEY_ALG, type AuditSigningKey } from "./key.js";

export const CHECKPOINT_TYP = "onceonly-audit-checkpoint";

export interface CheckpointPayload {
  seq: number;
  hash: string;
  /** ISO 8601, when the checkpoint was signed. */
  at: string;
}

export interface CheckpointSigner {
  kid: string;
  sign(payload: CheckpointPayload): Promise<string>;
}

export async function checkpointSigner(key: AuditSigningKey): Promise<CheckpointSigner> {
  const privateKey = (await importJWK({ kty: key.kty, crv: key.crv, x: key.x, d: key.d }, AUDIT_KEY_ALG)) as CryptoKey;
  return {
    kid: key.kid,
    sign: (payload) =>
      new CompactSign(new TextEncoder().encode(JSON.stringify({ seq: payload.seq, hash: payload.hash, at: payload.at })))
        .setProtectedHeader({ alg: AUDIT_KEY_ALG, kid: key.kid, typ: CHECKPOINT_TYP })
        .sign(privateKey),
  };
}

/** One public JWK or a JWKS: the verifier's trusted keys. */
export type AuditPublicKeys = JWK | { keys: JWK[] };

export type CheckpointVerification = { ok: true; payload: CheckpointPayload; kid: string } | { ok: false; reason: string };

export async function verifyCheckpoint(jws: string, keys: AuditPublicKeys): Promise<CheckpointVerification> {
  let kid: string | undefined;
  try {
    const header = decodeProtectedHeader(jws);
    if (header.alg !== AUDIT_KEY_ALG) return { ok: false, reason: `alg must be ${AUDIT_KEY_ALG}, got ${String(header.alg)}` };
    kid = header.kid;
  } catch {
    return { ok: false, reason: "not a compact JWS" };
  }
  let bytes: Uint8Array;
  try {
    const keySet = createLocalJWKSet(("keys" in keys ? keys : { keys: [keys] }) as Parameters<typeof createLocalJWKSet>[0]);
    ({ payload: bytes } = await compactVerify(jws, keySet, { algorithms: [AUDIT_KEY_ALG] }));
  } catch (error) {
    if (error instanceof errors.JWKSNoMatchingKey) return { ok: false, reason: `signed by key ${kid ?? "(no kid)"}, which is not a trusted audit key` };
    if (error instanceof errors.JWSSignatureVerificationFailed) return { ok: false, reason: `the signature does not match key ${kid}` };
    return { ok: false, reason: (error as Error).message };
  }
  let payload: Partial<CheckpointPayload>;
  try {
    payload = JSON.parse(new TextDecoder().decode(bytes)) as Partial<CheckpointPayload>;
  } catch {
    return { ok: false, reason: "the signed payload is not JSON" };
  }
  if (!Number.isSafeInteger(payload.seq) || typeof payload.hash !== "string" || typeof payload.at !== "string") {
    return { ok: false, reason: "the signed payload lacks seq, hash or at" };
  }
  return { ok: true, payload: payload as CheckpointPayload, kid: kid ?? "" };
}
