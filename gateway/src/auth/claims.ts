// From a verified claims set to a Caller: the claims the rest of the gateway relies on
// are checked here once, so policy, masking and audit never meet a half-formed identity.
import { isScope, type Logger } from "@onceonly/shared";
import type { JWTPayload } from "jose";
import type { Caller } from "./caller.js";
import { AuthenticationError } from "./errors.js";

export function callerFromClaims(claims: JWTPayload, log: Logger): Caller {
  const window = nonEmpty(claims.window) ?? nonEmpty(claims.sub);
  if (window === null) throw new AuthenticationError("claims", "token lacks the window claim (or sub) naming the calling window");
  const department = nonEmpty(claims.department);
  if (department === null) throw new AuthenticationError("claims", "token lacks the department claim");
  let region: string | null = null;
  if (claims.region !== undefined && claims.region !== null) {
    if (typeof claims.region !== "string" || !/^\d{6}$/.test(claims.region)) {
      throw new AuthenticationError("claims", `token region ${JSON.stringify(claims.region)} is not a 6-digit GB/T 2260 region code`);
    }
    region = claims.region;
  }
  if (claims.scope !== undefined && typeof claims.scope !== "string") {
    throw new AuthenticationError("claims", `token scope ${JSON.stringify(claims.scope)} is not a space-separated string (RFC 8693 §4.2)`);
  }
  const requested = (claims.scope ?? "").split(/\s+/).filter(Boolean);
  const scopes = new Set(requested.filter(isScope));
  // An identity provider may grant scopes of other applications in the same token:
  // ignored, not refused, but visible to whoever debugs a "why am I forbidden".
  const unknown = requested.filter((s) => !isScope(s));
  if (unknown.length > 0) log.debug({ window, unknown }, "token scopes the gateway does not know were ignored");
  return { window, department, region, scopes, tokenId: nonEmpty(claims.jti) };
}

function nonEmpty(value: unknown): string | null {
  return typeof value === "string" && value.trim() !== "" ? value : null;
}
