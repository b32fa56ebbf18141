// Who calls the gateway, as its verified token says. Built once per request by the
// authentication step (auth/), read by the policy, masking and audit steps.

export interface Caller {
  /** Window (or client) id: claim `window`, else `sub`. */
  window: string;
  /** Department name (claim `department`). */
  department: string;
  /** GB/T 2260 region code (claim `region`), null when the token has none. */
  region: string | null;
  /** Scopes granted (claim `scope`, space-separated). */
  scopes: ReadonlySet<string>;
  /** The token's `jti` when present, for the audit log. */
  tokenId: string | null;
}

/** Why a token was refused; the 401's GraphQL error names it in extensions.check. */
export type AuthCheck = "missing" | "malformed" | "signature" | "issuer" | "audience" | "expired" | "not-yet-valid" | "claims";
