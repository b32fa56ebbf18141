// GET /.well-known/jwks.json at the gateway: the receipt-signing keys, republished from the
// licences subgraph (the only holder of the private keys) so verifiers need to know one
// public address. Cached briefly; when the subgraph is down, the last good set is served
// (a key set changes only on rotation, and retired keys stay in it for a receipt's lifetime).
import type { IncomingMessage, ServerResponse } from "node:http";
import { JWKS_PATH, logger, sendJson, type RouteHandler } from "@onceonly/shared";

export interface JwksProxyOptions {
  /** The licences subgraph's GraphQL URL; the key set is at its origin's /.well-known/jwks.json. */
  licensesUrl: string;
  /** How long a fetched key set is served before asking again, ms. */
  ttlMs?: number;
  timeoutMs?: number;
  now?: () => number;
}

interface KeySet {
  keys: Record<string, unknown>[];
}

// Members that exist only in private or symmetric JWKs: a set carrying one is refused.
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

export function jwksProxy(options: JwksProxyOptions): RouteHandler {
  const source = new URL(JWKS_PATH, options.licensesUrl).toString();
  const ttlMs = options.ttlMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  const log = logger.child({ component: "jwks" });
  let cached: { body: KeySet; fetchedAt: number } | null = null;
  let inFlight: Promise<KeySet> | null = null;

  const refresh = async (): Promise<KeySet> => {
    const response = await fetch(source, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
    if (!response.ok) throw new Error(`${source} answered HTTP ${response.status}`);
    const body = validKeySet(await response.json());
    cached = { body, fetchedAt: now() };
    return body;
  };

  return async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendJson(res, 405, { error: `${JWKS_PATH} answers GET` });
    }
    if (cached && now() - cached.fetchedAt < ttlMs) return serve(res, cached.body, ttlMs);
    // One fetch at a time however many verifiers ask at once.
    inFlight ??= refresh().finally(() => (inFlight = null));
    try {
      serve(res, await inFlight, ttlMs);
    } catch (error) {
      const reason = (error as Error).message;
      if (cached) {
        log.warn({ source, reason }, "licences subgraph key set unavailable; serving the last good one");
        return serve(res, cached.body, 0);
      }
      sendJson(res, 503, { error: `receipt keys unavailable: ${reason}`, source });
    }
  };
}

function serve(res: ServerResponse, body: KeySet, maxAgeMs: number): void {
  res.setHeader("cache-control", `public, max-age=${Math.floor(maxAgeMs / 1000)}`);
  sendJson(res, 200, body);
}

// Private: a JWKS with public keys only, or an error saying what is wrong with it.
function validKeySet(body: unknown): KeySet {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "object" && k !== null && typeof (k as { kty?: unknown }).kty === "string")) {
    throw new Error("the licences subgraph did not answer a JWKS ({ keys: [JWK…] })");
  }
  if (keys.some((k) => PRIVATE_MEMBERS.some((m) => m in (k as object)))) {
    throw new Error("the licences subgraph published private key material; refused");
  }
  return { keys: keys as Record<string, unknown>[] };
}
