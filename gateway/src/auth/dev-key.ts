// The development token key: an Ed25519 pair kept in DATA_DIR/dev-token-key.json (the
// private JWK, mode 0600). `npm start` and `npm run token` sign window tokens with it; the
// gateway trusts it only in DEV_MODE. Production tokens come from an identity provider.
import { randomUUID } from "node:crypto";
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, SignJWT, type CryptoKey, type JWK } from "jose";
import { createPrivateJsonFile, readJsonFile } from "@onceonly/shared";

export const TOKEN_ALG = "EdDSA";
export const DEFAULT_TOKEN_TTL_SECONDS = 8 * 3600;
const NOT_A_KEY = "is not an Ed25519 private JWK; delete it and a new one is made (tokens minted with the old one stop working)";

export interface TokenKeys {
  privateKey: CryptoKey;
  publicKey: CryptoKey;
  /** RFC 7638 thumbprint of the public key, sent as the token's `kid`. */
  kid: string;
}

/** Who a minted token says calls: the claims the gateway turns into a Caller. */
export interface TokenIdentity {
  window: string;
  department: string;
  region?: string | null;
  scopes: readonly string[];
}

export interface MintOptions {
  issuer: string;
  audience: string;
  ttlSeconds?: number;
  kid?: string;
  /** Issue time (tests mint expired or future tokens); default now. */
  now?: Date;
}

interface StoredDevKey extends JWK {
  kid: string;
  createdAt: string;
}

/** The development key pair in `file`, created (mode 0600) when missing. */
export async function loadOrCreateDevKey(file: string): Promise<TokenKeys> {
  const stored = readDevKey(file) ?? (await createDevKey(file));
  return importStored(stored);
}

/** A key pair that lives in memory only (tests). */
export async function createEphemeralTokenKeys(): Promise<TokenKeys> {
  const { privateKey, publicKey } = await generateKeyPair(TOKEN_ALG, { crv: "Ed25519", extractable: true });
  return { privateKey, publicKey, kid: await thumbprint(await exportJWK(publicKey)) };
}

export async function mintToken(privateKey: CryptoKey, identity: TokenIdentity, options: MintOptions): Promise<string> {
  const ttl = options.ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS;
  if (!Number.isInteger(ttl) || ttl <= 0) throw new RangeError(`token ttl ${ttl} s must be a positive whole number of seconds`);
  const iat = Math.floor((options.now ?? new Date()).getTime() / 1000);
  const claims: Record<string, unknown> = { window: identity.window, department: identity.department, scope: identity.scopes.join(" ") };
  if (identity.region) claims.region = identity.region;
  return new SignJWT(claims)
    .setProtectedHeader({ alg: TOKEN_ALG, typ: "JWT", ...(options.kid ? { kid: options.kid } : {}) })
    .setIssuer(options.issuer)
    .setAudience(options.audience)
    .setSubject(identity.window)
    .setJti(randomUUID())
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(privateKey);
}

// Private: the stored key, or null when there is none; throws naming the file when corrupt.
function readDevKey(file: string): StoredDevKey | null {
  // Not JSON and the wrong JSON get the same message: either way the fix is to delete it.
  const stored = readJsonFile<StoredDevKey>(file, "development token key", NOT_A_KEY);
  if (stored === null) return null;
  if (stored.kty === "OKP" && stored.crv === "Ed25519" && typeof stored.d === "string" && typeof stored.x === "string") return stored;
  throw new Error(`development token key ${file} ${NOT_A_KEY}`);
}

async function createDevKey(file: string): Promise<StoredDevKey> {
  const { privateKey } = await generateKeyPair(TOKEN_ALG, { crv: "Ed25519", extractable: true });
  const jwk = await exportJWK(privateKey);
  const stored: StoredDevKey = { ...jwk, kid: await thumbprint(jwk), alg: TOKEN_ALG, use: "sig", createdAt: new Date().toISOString() };
  // The gateway and `npm run token` may both start first; the loser reads the winner's key.
  return createPrivateJsonFile(file, stored) === "created" ? stored : (readDevKey(file) ?? stored);
}

async function importStored(stored: StoredDevKey): Promise<TokenKeys> {
  const { kty, crv, x, d } = stored;
  const privateKey = (await importJWK({ kty, crv, x, d }, TOKEN_ALG)) as CryptoKey;
  // Built from the public members only: the verifying half never carries `d`.
  const publicKey = (await importJWK({ kty, crv, x }, TOKEN_ALG)) as CryptoKey;
  return { privateKey, publicKey, kid: stored.kid ?? (await thumbprint({ kty, crv, x })) };
}

function thumbprint(jwk: JWK): Promise<string> {
  return calculateJwkThumbprint({ kty: jwk.kty, crv: jwk.crv, x: jwk.x }, "sha256");
}
