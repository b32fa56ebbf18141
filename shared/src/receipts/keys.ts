// One Ed25519 signing key: generated extractable so the key store can write it as a
// JWK, named by its RFC 7638 thumbprint so a kid can never point at two keys.
import { calculateJwkThumbprint, exportJWK, generateKeyPair, type JWK } from "jose";

export const RECEIPT_ALG = "EdDSA";

/**
 * A new key is published this long before it signs anything, so that every cache of the
 * key set (the gateway's 30 s, an HTTP max-age of 60 s) already holds it when the first
 * receipt it signed arrives; the retired key signs meanwhile.
 */
export const KEY_PUBLISH_LEAD_SECONDS = 120;

/** A key store entry: the private JWK plus its lifecycle. */
export interface StoredReceiptKey extends JWK {
  kid: string;
  createdAt: string;
  status: "active" | "retired";
  retiredAt: string | null;
}

export async function generateReceiptKey(now: Date): Promise<StoredReceiptKey> {
  const { privateKey } = await generateKeyPair(RECEIPT_ALG, { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  const kid = await calculateJwkThumbprint(publicJwk(jwk), "sha256");
  return { ...jwk, kid, alg: RECEIPT_ALG, use: "sig", createdAt: now.toISOString(), status: "active", retiredAt: null };
}

/**
 * The public half only. Built by picking the public members (never by deleting `d`),
 * so a private member added to the store later cannot leak into the published set.
 */
export function publicJwk(jwk: JWK): JWK {
  const pub: JWK = { kty: jwk.kty, crv: jwk.crv, x: jwk.x };
  return jwk.kid === undefined ? pub : { ...pub, kid: jwk.kid, alg: RECEIPT_ALG, use: "sig" };
}

/**
 * Published while a receipt it signed may still be alive: active, or retired less than
 * lead + ttl ago (it may sign for up to the lead after retirement, see signingKey).
 */
export function isPublished(key: StoredReceiptKey, now: Date, ttlSeconds: number): boolean {
  if (key.status === "active") return true;
  if (key.retiredAt === null) return false;
  return Date.parse(key.retiredAt) + (KEY_PUBLISH_LEAD_SECONDS + ttlSeconds) * 1000 > now.getTime();
}

/** The key that signs at `at`: the newest published at least the lead ago, else the active one. */
export function signingKey(keys: readonly StoredReceiptKey[], at: Date): StoredReceiptKey {
  const lead = KEY_PUBLISH_LEAD_SECONDS * 1000;
  const t = at.getTime();
  const usable = keys
    .filter((k) => Date.parse(k.createdAt) + lead <= t)
    .filter((k) => k.status === "active" || (k.retiredAt !== null && Date.parse(k.retiredAt) + lead > t))
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return usable[0] ?? (keys.find((k) => k.status === "active") as StoredReceiptKey);
}
