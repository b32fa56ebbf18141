// The key that signs audit checkpoints: one Ed25519 private JWK in AUDIT_KEY_FILE, created
// (mode 0600) on first start, kid = RFC 7638 thumbprint. Losing it does not lose the log,
// but old checkpoints can then only be verified with a saved copy of the public key
// (`npm run audit:verify -- --jwks`); keep the file in the backup with the database.
import { statSync } from "node:fs";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { createPrivateJsonFile, logger, publicJwk, readJsonFile } from "@onceonly/shared";

export const AUDIT_KEY_ALG = "EdDSA";
const NOT_JSON = "is not JSON; restore it from backup (a new key cannot verify the checkpoints signed so far)";

export interface AuditSigningKey extends JWK {
  kid: string;
  d: string;
  createdAt: string;
}

export async function generateAuditKey(now = new Date()): Promise<AuditSigningKey> {
  const { privateKey } = await generateKeyPair(AUDIT_KEY_ALG, { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, "sha256");
  return { ...jwk, kid, d: jwk.d as string, alg: AUDIT_KEY_ALG, use: "sig", createdAt: now.toISOString() };
}

/** The key in `path`, created when the file is missing. */
export async function loadOrCreateAuditKey(path: string): Promise<AuditSigningKey> {
  const existing = readAuditKeyFile(path);
  if (existing) return existing;
  const created = await generateAuditKey();
  // Two gateways starting together: the one that did not create the file uses the other's key.
  if (createPrivateJsonFile(path, created) === "exists") return readAuditKeyFile(path) ?? created;
  logger.info({ path, kid: created.kid }, "audit checkpoint key created");
  return created;
}

/** The key in `path`, or null when there is no file; throws naming the file when it is not a key. */
export function readAuditKeyFile(path: string): AuditSigningKey | null {
  const key = readJsonFile<AuditSigningKey>(path, "audit key file", NOT_JSON);
  if (key === null) return null;
  if (key.kty !== "OKP" || key.crv !== "Ed25519" || typeof key.x !== "string" || typeof key.d !== "string" || typeof key.kid !== "string") {
    throw new Error(`audit key file ${path} must hold an Ed25519 private JWK (kty OKP, crv Ed25519, x, d, kid)`);
  }
  // Readable by others = anyone on the machine could sign checkpoints for a rewritten log.
  if ((statSync(path).mode & 0o077) !== 0) logger.warn({ path }, "audit key file is readable by group or others; chmod 600 it");
  return key;
}

/** The public half (never by deleting `d`: see publicJwk). */
export function auditPublicJwk(key: JWK): JWK {
  return publicJwk(key);
}
