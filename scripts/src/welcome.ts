// What `npm start` prints once everything answers: where to go, who to be and what to try.
import type { DemoToken } from "./demo-tokens.js";
import { WINDOW_LOOKUP_QUERY } from "./window-lookup.js";

export { demoTokens, type DemoToken } from "./demo-tokens.js";

export function printWelcome(
  gatewayUrl: string,
  demo: { showcasePerson: string; showcaseOrganization: string; showcaseMatter: string },
  elapsedMs: number,
  tokens: readonly DemoToken[] = [],
): void {
  const line = "─".repeat(72);
  const general = tokens.find((t) => t.window === "LS-W01") ?? tokens[0];
  console.log(`
${line}
OnceOnly 一次办 is ready in ${(elapsedMs / 1000).toFixed(1)} s

  Gateway (GraphQL):  ${gatewayUrl}
  Health / ready:     ${gatewayUrl.replace("/graphql", "/healthz")}  ${gatewayUrl.replace("/graphql", "/readyz")}

Demo applicant (ID number): ${demo.showcasePerson}
Demo company (credit code): ${demo.showcaseOrganization}
Demo matter (code):         ${demo.showcaseMatter}
${tokens.length > 0 ? `\n${tokenList(tokens)}\n` : ""}
Window lookup query (variables: {"idNumber": "${demo.showcasePerson}"}):
${WINDOW_LOOKUP_QUERY}
${general ? `\nTry it as ${general.window} (${general.label}), for matter ${demo.showcaseMatter}:\n${windowCurl(gatewayUrl, demo.showcasePerson, general.token, demo.showcaseMatter)}\n` : ""}
Ctrl-C stops everything.
${line}`);
}

// Private: each demo identity and its token, one block each.
function tokenList(tokens: readonly DemoToken[]): string {
  const hours = Math.round((tokens[0] ? tokenLifetimeSeconds(tokens[0].token) : 0) / 3600);
  const blocks = tokens.map((t) => `  ${t.window} · ${t.label}\n    scopes: ${t.scopes.join(" ")}\n    ${t.token}`);
  return `Window tokens (development key, valid ${hours} h; \`npm run token -- --help\` mints others):\n${blocks.join("\n")}`;
}

/** The window lookup with a window's token and a purpose (X-Purpose: the matter the data is read for). */
export function windowCurl(gatewayUrl: string, idNumber: string, token: string, purpose: string): string {
  const body = JSON.stringify({ query: WINDOW_LOOKUP_QUERY.replace(/\s+/g, " "), variables: { idNumber } });
  return `TOKEN=${token}\ncurl -s ${gatewayUrl} -H 'content-type: application/json' -H "Authorization: Bearer $TOKEN" -H "X-Purpose: ${purpose}" \\\n  -d '${body}'`;
}

// Private: exp − iat of a JWT we minted ourselves (no verification needed to print it).
function tokenLifetimeSeconds(token: string): number {
  const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString("utf8")) as { iat: number; exp: number };
  return claims.exp - claims.iat;
}
