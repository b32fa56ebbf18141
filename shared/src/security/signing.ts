// Gateway → subgraph request signatures: subgraphs are gateway-only (design.md §6). The
// gateway signs every HTTP request it sends a subgraph with HMAC-SHA256 under a secret
// it shares with the subgraphs; a subgraph answers only requests so signed, dated within
// SIGNATURE_MAX_AGE_SECONDS of its own clock (either way), each nonce once. Signed:
//
//   "v1" \n METHOD \n path?query \n timestamp \n nonce \n hex(SHA-256(body bytes))
//   \n x-request-id:… \n x-window-id:… \n x-department:… \n x-purpose:…
//
// The body enters as its hash, so the string stays line-based and small; the path keeps
// its query string, so a GET's variables are covered as a POST's body is. The identity
// headers are signed because subgraphs act on them (usage records, receipts, the window
// that accepted a case): nobody on the path may swap the window or the purpose. Not
// signed: the host (proxies and load balancers rewrite it) and the other headers.
//
// Dependency-light on purpose (node:crypto and the env readers only): the benchmark's
// stock Apollo and Hive gateways import this file alone (@onceonly/shared/signing).
import { createHash, createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { ConfigError, readInt, readString } from "../config/env.js";
import type { NonceStore } from "./nonce-store.js";

export const SIGNATURE_HEADERS = {
  timestamp: "x-onceonly-timestamp",
  nonce: "x-onceonly-nonce",
  signature: "x-onceonly-signature",
} as const;

export interface SigningConfig {
  /** The shared secret (SUBGRAPH_SIGNING_SECRET, at least MIN_SECRET_LENGTH characters); there is no unsigned mode. */
  secret: string;
  /** Oldest signed request accepted, s; a request dated this far in the future is refused too. */
  maxAgeSeconds: number;
}

export const SIGNATURE_VERSION = "v1";
export const MIN_SECRET_LENGTH = 32;
export const DEFAULT_SIGNATURE_MAX_AGE_SECONDS = 30;

/** Which check refused a request; travels as `extensions.check` of the 401. */
export type SignatureCheck = "missing" | "malformed" | "bad-signature" | "stale" | "replayed";

/** Headers as a plain object (any case) or a fetch Headers. */
export type HeaderSource = Record<string, unknown> | { get(name: string): string | null };

export interface RequestToSign {
  method: string;
  /** Path and query string exactly as sent in the request line ("/graphql?x=1"). */
  path: string;
  /** The exact bytes sent (a string is taken as UTF-8). */
  body: string | Uint8Array;
  /** The request's headers: the SIGNED_HEADERS among them are signed (absent ones as empty). */
  headers?: HeaderSource;
}

export interface ReceivedRequest extends RequestToSign {
  headers: Record<string, string | string[] | undefined>;
}

/** The forwarded identity a subgraph acts on, signed with the request. */
export const SIGNED_HEADERS = ["x-request-id", "x-window-id", "x-department", "x-purpose"] as const;

export type VerifyResult = { ok: true } | { ok: false; check: SignatureCheck; message: string };

/** A well-formed, authentic, fresh request: its nonce must still be claimed (remembered for ttlSeconds). */
export type SignatureCheckResult = { ok: true; nonce: string; ttlSeconds: number } | { ok: false; check: SignatureCheck; message: string };

// 16-128 URL-safe characters: a UUID, base64url or hex all fit; a newline never does.
const NONCE_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;
const SIGNATURE_PATTERN = /^v1=([0-9a-f]{64})$/;
const TIMESTAMP_PATTERN = /^\d{1,12}$/;

/**
 * The headers that sign one request (set them beside the request's own). `now` (ms since
 * 1970, default Date.now()) and `nonce` (default a random UUID) are for tests.
 */
export function signRequest(secret: string, request: RequestToSign, options: { now?: number; nonce?: string } = {}): Record<string, string> {
  const timestamp = String(Math.floor((options.now ?? Date.now()) / 1000));
  const nonce = options.nonce ?? randomUUID();
  if (!NONCE_PATTERN.test(nonce)) throw new Error(`nonce "${nonce}" must be 16-128 characters of A-Z a-z 0-9 - _`);
  return {
    [SIGNATURE_HEADERS.timestamp]: timestamp,
    [SIGNATURE_HEADERS.nonce]: nonce,
    [SIGNATURE_HEADERS.signature]: `${SIGNATURE_VERSION}=${mac(secret, request, timestamp, nonce).toString("hex")}`,
  };
}

/** The whole check a subgraph runs: signature, age, then the nonce claimed (first use only). */
export async function verifySignedRequest(
  config: SigningConfig,
  request: ReceivedRequest,
  nonces: NonceStore,
  options: { now?: number } = {},
): Promise<VerifyResult> {
  const checked = checkSignature(config, request, options);
  if (!checked.ok) return checked;
  // Claimed only now: requests that are not authentic cannot fill the nonce store.
  if (!(await nonces.claim(checked.nonce, checked.ttlSeconds))) {
    return refuse("replayed", `request signature replayed: nonce ${checked.nonce} was already used, and a signed request is answered once`);
  }
  return { ok: true };
}

/** Everything but the nonce's first use: headers present and well-formed, MAC right, date fresh. */
export function checkSignature(config: SigningConfig, request: ReceivedRequest, options: { now?: number } = {}): SignatureCheckResult {
  const values = {
    timestamp: request.headers[SIGNATURE_HEADERS.timestamp],
    nonce: request.headers[SIGNATURE_HEADERS.nonce],
    signature: request.headers[SIGNATURE_HEADERS.signature],
  };
  const absent = (Object.keys(values) as (keyof typeof values)[]).filter((k) => values[k] === undefined).map((k) => SIGNATURE_HEADERS[k]);
  if (absent.length > 0) {
    return refuse("missing", `request is not signed by the gateway: ${absent.join(", ")} missing (subgraphs answer only requests the gateway signs)`);
  }
  for (const [key, value] of Object.entries(values)) {
    if (Array.isArray(value)) return refuse("malformed", `request signature malformed: ${SIGNATURE_HEADERS[key as keyof typeof values]} appears more than once`);
  }
  const { timestamp, nonce, signature } = values as Record<keyof typeof values, string>;
  if (!TIMESTAMP_PATTERN.test(timestamp)) return refuse("malformed", `request signature malformed: ${SIGNATURE_HEADERS.timestamp} "${clip(timestamp)}" is not whole seconds since 1970`);
  if (!NONCE_PATTERN.test(nonce)) return refuse("malformed", `request signature malformed: ${SIGNATURE_HEADERS.nonce} must be 16-128 characters of A-Z a-z 0-9 - _`);
  const given = SIGNATURE_PATTERN.exec(signature);
  if (!given) return refuse("malformed", `request signature malformed: ${SIGNATURE_HEADERS.signature} must be "${SIGNATURE_VERSION}=" and 64 lower-case hex digits`);

  // Constant time: how far a guess matches must not show in how long the refusal takes.
  if (!timingSafeEqual(mac(config.secret, request, timestamp, nonce), Buffer.from(given[1], "hex"))) {
    return refuse("bad-signature", "request signature does not match: signed with another secret, or its method, path, timestamp, nonce, body or identity headers (x-request-id, x-window-id, x-department, x-purpose) changed on the way");
  }

  const now = Math.floor((options.now ?? Date.now()) / 1000);
  const age = now - Number(timestamp);
  if (Math.abs(age) > config.maxAgeSeconds) {
    const dated = age > 0 ? `${age} s old` : `dated ${-age} s in the future`;
    return refuse("stale", `request signature stale: the request is ${dated}, and at most ${config.maxAgeSeconds} s either way is accepted (SIGNATURE_MAX_AGE_SECONDS; check the gateway's and the subgraph's clocks)`);
  }
  // Remembered while the timestamp stays acceptable: a replay after that is stale anyway.
  return { ok: true, nonce, ttlSeconds: Number(timestamp) + config.maxAgeSeconds - now + 1 };
}

/** SUBGRAPH_SIGNING_SECRET, required (the gateway and every subgraph read it alike). */
export function readSigningSecret(env: Record<string, string | undefined>): string {
  const secret = readString(env, "SUBGRAPH_SIGNING_SECRET");
  const what = `the gateway signs every subgraph request with it, and subgraphs answer only signed requests. Set the same random value (at least ${MIN_SECRET_LENGTH} characters, e.g. from \`openssl rand -hex 32\`) for the gateway and every subgraph; npm start makes one per run`;
  if (secret === undefined) throw new ConfigError(`SUBGRAPH_SIGNING_SECRET is not set: ${what}`);
  // Never echo the secret itself, not even a short one.
  if (secret.length < MIN_SECRET_LENGTH) throw new ConfigError(`SUBGRAPH_SIGNING_SECRET is ${secret.length} characters long, fewer than ${MIN_SECRET_LENGTH}: ${what}`);
  return secret;
}

/** A subgraph's signature check: the secret and SIGNATURE_MAX_AGE_SECONDS (1-300, default 30). */
export function readSigningConfig(env: Record<string, string | undefined>): SigningConfig {
  return {
    secret: readSigningSecret(env),
    maxAgeSeconds: readInt(env, "SIGNATURE_MAX_AGE_SECONDS", DEFAULT_SIGNATURE_MAX_AGE_SECONDS, 1, 300),
  };
}

// Private: the MAC of the string to sign (see the header comment).
function mac(secret: string, request: RequestToSign, timestamp: string, nonce: string): Buffer {
  const bodyHash = createHash("sha256").update(request.body).digest("hex");
  const identity = SIGNED_HEADERS.map((name) => `${name}:${headerValue(request.headers, name)}`);
  const text = [SIGNATURE_VERSION, request.method.toUpperCase(), request.path, timestamp, nonce, bodyHash, ...identity].join("\n");
  return createHmac("sha256", secret).update(text).digest();
}

// Private: one header's value from either form, "" when absent; repeated values joined as Node joins them.
function headerValue(headers: HeaderSource | undefined, name: string): string {
  if (!headers) return "";
  if (typeof (headers as { get?: unknown }).get === "function") return (headers as { get(name: string): string | null }).get(name) ?? "";
  const plain = headers as Record<string, unknown>;
  const key = Object.keys(plain).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : plain[key];
  return Array.isArray(value) ? value.join(", ") : value === undefined || value === null ? "" : String(value);
}

function refuse(check: SignatureCheck, message: string): { ok: false; check: SignatureCheck; message: string } {
  return { ok: false, check, message };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
