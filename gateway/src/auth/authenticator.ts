// Window authentication: `Authorization: Bearer <JWT>` → Caller, or an AuthenticationError
// (HTTP 401) naming the check that failed and the value that failed it. The signature is
// checked before any claim, so nothing about an unsigned token's claims is reported.
import { createRemoteJWKSet, decodeProtectedHeader, errors, jwtVerify, type JWTPayload, type JWTVerifyOptions } from "jose";
import { LRUCache } from "lru-cache";
import { ConfigError, logger } from "@onceonly/shared";
import type { Caller } from "./caller.js";
import { callerFromClaims } from "./claims.js";
import type { AuthConfig } from "./config.js";
import { loadOrCreateDevKey } from "./dev-key.js";
import { AuthenticationError, AuthenticationUnavailableError } from "./errors.js";
import { ALLOWED_ALGORITHMS, readPublicKeyFile, verificationKey, type PublicKeyInput, type VerificationKey } from "./keys.js";

/** Seconds of clock difference between the identity provider and the gateway forgiven on exp/nbf. */
export const CLOCK_TOLERANCE_SECONDS = 5;

/**
 * How long a verified token is trusted without checking its signature again. A window
 * sends the same token with every request for hours, and an EdDSA verification was the
 * largest single cost of a cached window lookup in the gateway's profile. The bound keeps
 * a key withdrawn from the identity provider's JWKS effective within a minute.
 */
export const VERIFIED_TOKEN_TTL_MS = 60_000;
/** Distinct tokens remembered: a service centre's windows, with room to spare. */
const VERIFIED_TOKEN_MAX = 10_000;

export interface AuthenticatorOptions {
  issuer: string;
  audience: string;
  /** Public keys trusted as they are (tests, a key file already read). */
  keys: readonly PublicKeyInput[];
  /** An identity provider's JWKS, tried when no key in `keys` verifies. */
  jwksUrl?: string | null;
}

export interface Authenticator {
  /** The caller a request's Authorization header proves, or an AuthenticationError. */
  authenticate(authorization: string | undefined): Promise<Caller>;
  /** Where the trusted keys come from (for the start log). */
  readonly trusted: readonly string[];
}

export async function createAuthenticator(options: AuthConfig | AuthenticatorOptions): Promise<Authenticator> {
  const log = logger.child({ component: "auth" });
  const keys: VerificationKey[] = [];
  const jwksUrl = options.jwksUrl ?? null;
  if ("keys" in options) {
    options.keys.forEach((key, i) => keys.push(verificationKey(key, `key ${i}`)));
  } else {
    if (options.publicKeyFile) keys.push(...(await readPublicKeyFile(options.publicKeyFile)));
    if (options.devMode) {
      const dev = await loadOrCreateDevKey(options.devKeyFile);
      keys.push(verificationKey(dev.publicKey, `development key ${options.devKeyFile}`));
      log.warn({ keyFile: options.devKeyFile }, "DEV_MODE: window tokens signed with the development key are trusted; never in production");
    }
  }
  // A gateway that trusts no key would refuse everyone, which looks like an outage, not a setting.
  if (keys.length === 0 && jwksUrl === null) throw new ConfigError("no key to verify window tokens with (AUTH_JWKS_URL, AUTH_PUBLIC_KEY_FILE or DEV_MODE)");
  const remote = jwksUrl ? createRemoteJWKSet(new URL(jwksUrl)) : null;
  const verifyOptions: JWTVerifyOptions = {
    issuer: options.issuer,
    audience: options.audience,
    clockTolerance: CLOCK_TOLERANCE_SECONDS,
    // A token without an expiry would be a password for ever.
    requiredClaims: ["exp"],
  };
  const translate = (error: unknown) => claimError(error, options.issuer, options.audience);

  async function verify(token: string): Promise<JWTPayload> {
    let alg: string | undefined;
    try {
      alg = decodeProtectedHeader(token).alg;
    } catch {
      throw new AuthenticationError("malformed", "bearer token is not a JWT (header.payload.signature, base64url)");
    }
    if (alg === undefined || !ALLOWED_ALGORITHMS.includes(alg)) {
      throw new AuthenticationError("signature", `token algorithm ${JSON.stringify(alg ?? null)} is not accepted (${ALLOWED_ALGORITHMS.join(", ")})`);
    }
    for (const key of keys) {
      if (!key.algorithms.includes(alg)) continue;
      try {
        return (await jwtVerify(token, key.key, { ...verifyOptions, algorithms: key.algorithms })).payload;
      } catch (error) {
        if (!(error instanceof errors.JWSSignatureVerificationFailed)) throw translate(error);
      }
    }
    if (remote) {
      try {
        return (await jwtVerify(token, remote, { ...verifyOptions, algorithms: [...ALLOWED_ALGORITHMS] })).payload;
      } catch (error) {
        if (error instanceof errors.JWSSignatureVerificationFailed || error instanceof errors.JWKSNoMatchingKey || error instanceof errors.JWKSMultipleMatchingKeys) {
          // fall through: no key of the set verifies
        } else if (error instanceof errors.JWTClaimValidationFailed || error instanceof errors.JWTInvalid || error instanceof errors.JWSInvalid) {
          throw translate(error);
        } else {
          log.error({ err: error, jwksUrl }, "the identity provider's key set could not be fetched");
          throw new AuthenticationUnavailableError(`cannot check the token now: the key set at ${jwksUrl} is unavailable (${(error as Error).message})`);
        }
      }
    }
    throw new AuthenticationError("signature", "token signature does not verify against the configured keys");
  }

  // Only successes are remembered, keyed by the whole token (signature included), so a
  // hit needs the very token that verified; each entry also ends at the token's own
  // expiry (with the same tolerance jose allows), never later.
  const verified = new LRUCache<string, { caller: Caller; until: number }>({ max: VERIFIED_TOKEN_MAX });
  const trusted = [...keys.map((k) => k.label), ...(jwksUrl ? [jwksUrl] : [])];
  log.info({ trusted, issuer: options.issuer, audience: options.audience }, "window tokens are verified against these keys");
  return {
    trusted,
    async authenticate(authorization) {
      const token = bearerToken(authorization);
      const now = Date.now();
      const known = verified.get(token);
      if (known && now < known.until) return known.caller;
      const claims = await verify(token);
      const caller = callerFromClaims(claims, log);
      const expires = typeof claims.exp === "number" ? (claims.exp + CLOCK_TOLERANCE_SECONDS) * 1000 : now;
      verified.set(token, { caller, until: Math.min(now + VERIFIED_TOKEN_TTL_MS, expires) });
      return caller;
    },
  };
}

// Private: the token of "Bearer <token>" (scheme case-insensitive, RFC 7235 §2.1).
function bearerToken(authorization: string | undefined): string {
  if (authorization === undefined || authorization.trim() === "") {
    throw new AuthenticationError("missing", "no bearer token: send Authorization: Bearer <JWT>");
  }
  const match = /^Bearer +([^\s]+)\s*$/i.exec(authorization.trim());
  if (!match) {
    const scheme = authorization.trim().split(/\s+/)[0];
    throw new AuthenticationError("malformed", `Authorization "${scheme} …" is not a bearer token: send Authorization: Bearer <JWT>`);
  }
  return match[1];
}

// Private: a jose refusal as the AuthenticationError naming the check and the value.
function claimError(error: unknown, issuer: string, audience: string): AuthenticationError {
  if (error instanceof errors.JWTExpired) {
    return new AuthenticationError("expired", `token expired at ${instant(error.payload.exp)}`);
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    const { claim, reason, payload } = error;
    if (reason === "missing") return new AuthenticationError("claims", `token lacks the ${claim} claim`);
    if (reason === "invalid") return new AuthenticationError("claims", `token ${claim} claim ${JSON.stringify(payload[claim])} is not a NumericDate (seconds since 1970)`);
    switch (claim) {
      case "iss":
        return new AuthenticationError("issuer", `token issuer ${JSON.stringify(payload.iss ?? null)} is not the accepted "${issuer}"`);
      case "aud":
        return new AuthenticationError("audience", `token audience ${JSON.stringify(payload.aud ?? null)} does not name the accepted "${audience}"`);
      case "nbf":
        return new AuthenticationError("not-yet-valid", `token not valid before ${instant(payload.nbf)}`);
      case "iat":
        return new AuthenticationError("not-yet-valid", `token issued in the future, at ${instant(payload.iat)}`);
      default:
        return new AuthenticationError("claims", `token ${claim} claim refused: ${error.message}`);
    }
  }
  if (error instanceof errors.JWTInvalid) return new AuthenticationError("malformed", `token claims are not a JSON object: ${error.message}`);
  if (error instanceof errors.JWSInvalid) return new AuthenticationError("malformed", `token is not a valid JWS: ${error.message}`);
  if (error instanceof errors.JOSEAlgNotAllowed) return new AuthenticationError("signature", `token algorithm refused: ${error.message}`);
  if (error instanceof AuthenticationError) return error;
  return new AuthenticationError("malformed", `token refused: ${(error as Error).message}`);
}

function instant(seconds: unknown): string {
  return typeof seconds === "number" ? new Date(seconds * 1000).toISOString() : String(seconds);
}
