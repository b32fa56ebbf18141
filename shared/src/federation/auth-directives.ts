// The authorization directives subgraph schemas carry (Federation 2.5+: @authenticated,
// @requiresScopes, @policy). The gateway enforces them (gateway/src/policy/); these
// helpers only spell them, with scope names checked against the one scope list.
//
// @requiresScopes and @policy take alternatives: the outer list is OR, each inner list
// AND — requiresScopes(["a", "b"], ["c"]) means (a and b) or c.
import { PERSONAL_DATA_POLICY, type Scope } from "../security/scopes.js";

export function requiresScopes(...alternatives: Scope[][]): string {
  return `@requiresScopes(scopes: ${JSON.stringify(alternatives)})`;
}

/** Any verified caller. */
export const AUTHENTICATED = "@authenticated";

/**
 * Personal data: read only for a valid purpose (X-Purpose: a matter code or a case number
 * of the caller's window), of a subject bound to that purpose; every read is audited.
 */
export const PERSONAL = `@policy(policies: [["${PERSONAL_DATA_POLICY}"]])`;
