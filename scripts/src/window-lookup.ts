// The window lookup as `npm start` prints it. The operation text lives with the gateway,
// which plans it at start; the README shows the same text (a test keeps them the same).
import { WINDOW_LOOKUP_QUERY } from "@onceonly/gateway";

export { WINDOW_LOOKUP_QUERY };

export function curlCommand(gatewayUrl: string, idNumber: string): string {
  const body = JSON.stringify({ query: WINDOW_LOOKUP_QUERY.replace(/\s+/g, " "), variables: { idNumber } });
  return `curl -s ${gatewayUrl} -H 'content-type: application/json' -H 'x-purpose: window-lookup' \\\n  -d '${body}'`;
}
