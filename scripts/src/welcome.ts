// What `npm start` prints once everything answers: where to go and what to try.
import { curlCommand, WINDOW_LOOKUP_QUERY } from "./window-lookup.js";

export function printWelcome(
  gatewayUrl: string,
  demo: { showcasePerson: string; showcaseOrganization: string; showcaseMatter: string },
  elapsedMs: number,
): void {
  const line = "─".repeat(72);
  console.log(`
${line}
OnceOnly 一次办 is ready in ${(elapsedMs / 1000).toFixed(1)} s

  Gateway (GraphQL):  ${gatewayUrl}
  Health / ready:     ${gatewayUrl.replace("/graphql", "/healthz")}  ${gatewayUrl.replace("/graphql", "/readyz")}

Demo applicant (ID number): ${demo.showcasePerson}
Demo company (credit code): ${demo.showcaseOrganization}
Demo matter (code):         ${demo.showcaseMatter}

Window lookup query (variables: {"idNumber": "${demo.showcasePerson}"}):
${WINDOW_LOOKUP_QUERY}

Try it:
${curlCommand(gatewayUrl, demo.showcasePerson)}

Ctrl-C stops everything.
${line}`);
}
