// A published receipt key set (JWKS) fetched over HTTP and kept in memory, for a service
// that checks receipts offline (the cases service at acceptance). Fetched lazily, so the
// verifier can start before the signer; fetched again only when a receipt names a key
// not in the set, and then at most once per minIntervalMs, so a stream of forged kids
// cannot turn the verifier into a load generator against the signer.
import type { JWK } from "jose";

export interface RemoteKeySet {
  /** The cached key set, fetched on first use. */
  current(): Promise<{ keys: JWK[] }>;
  /** Fetches again, unless the last fetch was less than minIntervalMs ago (then the cached set). */
  refresh(): Promise<{ keys: JWK[] }>;
}

export interface RemoteKeySetOptions {
  /** Minimum time between two fetches, ms (default 30 s, the gateway's own cache time). */
  minIntervalMs?: number;
  timeoutMs?: number;
  now?: () => number;
  fetch?: typeof fetch;
}

// Members that exist only in private or symmetric JWKs: a set carrying one is refused.
const PRIVATE_MEMBERS = ["d", "p", "q", "dp", "dq", "qi", "k", "oth"];

export function remoteKeySet(url: string, options: RemoteKeySetOptions = {}): RemoteKeySet {
  const minIntervalMs = options.minIntervalMs ?? 30_000;
  const timeoutMs = options.timeoutMs ?? 5_000;
  const now = options.now ?? Date.now;
  const get = options.fetch ?? fetch;
  let cached: { keys: JWK[] } | null = null;
  let fetchedAt = Number.NEGATIVE_INFINITY;
  let inFlight: Promise<{ keys: JWK[] }> | null = null;

  const fetchNow = (): Promise<{ keys: JWK[] }> => {
    // One fetch at a time however many acceptances ask at once.
    inFlight ??= (async () => {
      try {
        const response = await get(url, { signal: AbortSignal.timeout(timeoutMs), headers: { accept: "application/json" } });
        if (!response.ok) throw new Error(`receipt key set ${url} answered HTTP ${response.status}`);
        cached = validKeySet(await response.json(), url);
        return cached;
      } finally {
        // A failed fetch counts too: a signer that is down is not asked again at once.
        fetchedAt = now();
        inFlight = null;
      }
    })();
    return inFlight;
  };

  return {
    current: () => (cached ? Promise.resolve(cached) : fetchNow()),
    refresh: () => {
      if (inFlight) return inFlight;
      if (cached && now() - fetchedAt < minIntervalMs) return Promise.resolve(cached);
      return fetchNow().catch((error: unknown) => {
        // The last good set still verifies every receipt its keys signed.
        if (cached) return cached;
        throw error;
      });
    },
  };
}

// Private: a JWKS with public keys only, or an error saying what is wrong with it.
function validKeySet(body: unknown, url: string): { keys: JWK[] } {
  const keys = (body as { keys?: unknown } | null)?.keys;
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === "object" && k !== null && typeof (k as { kty?: unknown }).kty === "string")) {
    throw new Error(`receipt key set ${url} is not a JWKS ({ keys: [JWK…] })`);
  }
  if (keys.some((k) => PRIVATE_MEMBERS.some((m) => m in (k as object)))) {
    throw new Error(`receipt key set ${url} publishes private key material; refused`);
  }
  return { keys: keys as JWK[] };
}
