// The public keys window tokens are checked against, each with the one JWS algorithm it
// may verify: a key never verifies under an algorithm its owner did not mean (no
// alg confusion between an RSA key and HMAC, no "none").
import { createPublicKey, type KeyObject } from "node:crypto";
import { readFile } from "node:fs/promises";
import { ConfigError } from "@onceonly/shared";
import type { CryptoKey, JWK } from "jose";

/** Algorithms a window token may be signed with (RFC 8037 EdDSA, RFC 9864 Ed25519, ES256, RS256). */
export const ALLOWED_ALGORITHMS: readonly string[] = ["EdDSA", "Ed25519", "ES256", "RS256"];

export type PublicKeyInput = CryptoKey | KeyObject;

export interface VerificationKey {
  key: PublicKeyInput;
  algorithms: string[];
  /** Where it came from, for the start log. */
  label: string;
}

export function verificationKey(key: PublicKeyInput, label: string): VerificationKey {
  const algorithms = algorithmsOf(key);
  if (algorithms.length === 0) {
    throw new ConfigError(`${label}: unsupported key type (${describe(key)}); window tokens are signed with Ed25519, ECDSA P-256 or RSA`);
  }
  return { key, algorithms, label };
}

/** AUTH_PUBLIC_KEY_FILE: one JWK, a JWK set ({ keys: [...] }) or an SPKI PEM ("BEGIN PUBLIC KEY"). */
export async function readPublicKeyFile(path: string): Promise<VerificationKey[]> {
  let text: string;
  try {
    text = await readFile(path, "utf8");
  } catch (error) {
    throw new ConfigError(`AUTH_PUBLIC_KEY_FILE=${path} cannot be read: ${(error as Error).message}`);
  }
  const trimmed = text.trim();
  if (trimmed.startsWith("{")) {
    let parsed: JWK | { keys: JWK[] };
    try {
      parsed = JSON.parse(trimmed) as JWK | { keys: JWK[] };
    } catch {
      throw new ConfigError(`AUTH_PUBLIC_KEY_FILE=${path} starts like JSON but is not JSON (expected a JWK or { "keys": [JWK…] })`);
    }
    const jwks = "keys" in parsed && Array.isArray(parsed.keys) ? parsed.keys : [parsed as JWK];
    return jwks.map((jwk, i) => verificationKey(publicKeyFromJwk(jwk, `AUTH_PUBLIC_KEY_FILE=${path} key ${jwk.kid ?? i}`), `${path}#${jwk.kid ?? i}`));
  }
  if (/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(trimmed)) {
    throw new ConfigError(`AUTH_PUBLIC_KEY_FILE=${path} holds a private key; give the gateway the public half only`);
  }
  try {
    return [verificationKey(createPublicKey(trimmed), path)];
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    throw new ConfigError(`AUTH_PUBLIC_KEY_FILE=${path} is neither a JWK nor an SPKI PEM public key: ${(error as Error).message}`);
  }
}

function publicKeyFromJwk(jwk: JWK, where: string): KeyObject {
  if (typeof jwk !== "object" || jwk === null || typeof jwk.kty !== "string") throw new ConfigError(`${where} is not a JWK (no "kty")`);
  if ("d" in jwk || jwk.kty === "oct") throw new ConfigError(`${where} is private or symmetric key material; give the gateway the public key only`);
  try {
    return createPublicKey({ key: jwk as import("node:crypto").JsonWebKey, format: "jwk" });
  } catch (error) {
    throw new ConfigError(`${where} is not a usable public JWK: ${(error as Error).message}`);
  }
}

// Private: the JWS algorithms a key may verify.
function algorithmsOf(key: PublicKeyInput): string[] {
  if (isKeyObject(key)) {
    if (key.type !== "public") return [];
    switch (key.asymmetricKeyType) {
      case "ed25519":
        return ["EdDSA", "Ed25519"];
      case "ec":
        return key.asymmetricKeyDetails?.namedCurve === "prime256v1" ? ["ES256"] : [];
      case "rsa":
        return ["RS256"];
      default:
        return [];
    }
  }
  if (key.type !== "public") return [];
  const algorithm = key.algorithm as { name: string; namedCurve?: string };
  if (algorithm.name === "Ed25519") return ["EdDSA", "Ed25519"];
  if (algorithm.name === "ECDSA" && algorithm.namedCurve === "P-256") return ["ES256"];
  if (algorithm.name === "RSASSA-PKCS1-v1_5") return ["RS256"];
  return [];
}

function isKeyObject(key: PublicKeyInput): key is KeyObject {
  return (key as { [Symbol.toStringTag]?: string })[Symbol.toStringTag] === "KeyObject";
}

function describe(key: PublicKeyInput): string {
  return isKeyObject(key) ? `${key.type} ${key.asymmetricKeyType ?? "symmetric"}` : `${key.type} ${(key.algorithm as { name: string }).name}`;
}
