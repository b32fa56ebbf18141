// Signs verification receipts: compact JWS, EdDSA over Ed25519, kid = RFC 7638 thumbprint,
// iat = checkedAt and exp = iat + ttl. The file-backed signer notices a rotation made by
// another process (npm run receipt:rotate-keys) without a restart.
import { importJWK, SignJWT, type CryptoKey, type JWK } from "jose";
import { parseReceiptClaims, type VerificationReceiptClaims } from "./claims.js";
import { DEFAULT_RECEIPT_TTL_SECONDS, type ReceiptKeyConfig } from "./config.js";
import { keyFileVersion, loadOrCreateKeyFile, readKeyFile } from "./key-store.js";
import { generateReceiptKey, isPublished, publicJwk, RECEIPT_ALG, signingKey, type StoredReceiptKey } from "./keys.js";

export interface ReceiptSigner {
  sign(claims: VerificationReceiptClaims): Promise<string>;
  /** The keys a verifier needs at `now` (default: the current time): public members only. */
  publicJwks(now?: Date): { keys: JWK[] };
}

export interface ReceiptSignerOptions {
  /** How often the key file is checked for a rotation, ms (0 = on every call). */
  reloadCheckMs?: number;
  /** Creation time recorded for the first key when the file is new (tests). */
  createdAt?: Date;
}

export async function openReceiptSigner(config: ReceiptKeyConfig, options: ReceiptSignerOptions = {}): Promise<ReceiptSigner> {
  const path = config.keysFile;
  let keys = (await loadOrCreateKeyFile(path, options.createdAt)).keys;
  let version = keyFileVersion(path);
  let checkedAt = Date.now();
  const reloadCheckMs = options.reloadCheckMs ?? 1000;
  // Synchronous on purpose: a stat of one small file, at most once per reloadCheckMs.
  const current = () => {
    if (Date.now() - checkedAt < reloadCheckMs) return keys;
    checkedAt = Date.now();
    const latest = keyFileVersion(path);
    if (latest !== version) {
      keys = readKeyFile(path)?.keys ?? keys;
      version = latest;
    }
    return keys;
  };
  return keyRingSigner(current, config.ttlSeconds);
}

/** An in-memory key that disappears with the process: for tests and throwaway demos. */
export async function createEphemeralReceiptSigner(ttlSeconds = DEFAULT_RECEIPT_TTL_SECONDS): Promise<ReceiptSigner> {
  const keys = [await generateReceiptKey(new Date())];
  return keyRingSigner(() => keys, ttlSeconds);
}

// Private: a signer over whatever key list `current` returns at the time of the call.
function keyRingSigner(current: () => StoredReceiptKey[], ttlSeconds: number): ReceiptSigner {
  const imported = new Map<string, Promise<CryptoKey>>();
  const privateKey = (key: StoredReceiptKey) => {
    let found = imported.get(key.kid);
    if (!found) {
      found = importJWK({ kty: key.kty, crv: key.crv, x: key.x, d: key.d }, RECEIPT_ALG) as Promise<CryptoKey>;
      imported.set(key.kid, found);
    }
    return found;
  };
  return {
    async sign(claims) {
      const checked = parseReceiptClaims({ ...claims });
      if (typeof checked === "string") throw new TypeError(`cannot sign a receipt: ${checked}`);
      const active = signingKey(current(), new Date(checked.checkedAt));
      const iat = Math.floor(Date.parse(checked.checkedAt) / 1000);
      return new SignJWT({ ...checked })
        .setProtectedHeader({ alg: RECEIPT_ALG, kid: active.kid, typ: "JWT" })
        .setIssuedAt(iat)
        .setExpirationTime(iat + ttlSeconds)
        .sign(await privateKey(active));
    },
    publicJwks(now = new Date()) {
      return { keys: current().filter((k) => isPublished(k, now, ttlSeconds)).map(publicJwk) };
    },
  };
}
