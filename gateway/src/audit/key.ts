// The key that signs audit checkpoints: one Ed25519 private JWK in AUDIT_KEY_FILE, created
// (mode 0600) on first start, kid = RFC 7638 thumbprint. Losing it does not lose the log,
// but old checkpoints can then only be verified with a saved copy of the public key
// (`npm run audit:verify -- --jwks`); keep the file in the backup with the database.
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";
import { logger, publicJwk } from "@onceonly/shared";

export const AUDIT_KEY_ALG = "EdDSA";

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
  mkdirSync(dirname(path), { recursive: true });
  try {
    // "wx": two gateways starting together must not both create a key; the loser reads.
    writeFileSync(path, JSON.stringify(created, null, 2) + "\n", { mode: 0o600, flag: "wx" });
    logger.info({ path, kid: created.kid }, "audit checkpoint key created");
    return created;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return readAuditKeyFile(path) ?? created;
  }
}

/** The key in `path`, or null when there is no file; throws naming the file when it is not a key. */
export function readAuditKeyFile(path: string): AuditSigningKey | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let key: AuditSigningKey;
  try {
    key = JSON.parse(text) as AuditSigningKey;
  } catch {
    throw new Error(`audit key file ${path} is not JSON; restore it from backup (a new key cannot verify the checkpoints signed so far)`);
  }
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
