// Hive Gateway's configuration for the benchmark (hive-gateway supergraph … -c this file):
// its defaults, plus forwarding the window's three headers to the subgraphs and signing
// each subgraph request, as the stock Apollo Gateway does (see apollo-gateway.ts).
// env: SUBGRAPH_SIGNING_SECRET.
import { defineConfig, type GatewayPlugin } from "@graphql-hive/gateway";
import { signRequest } from "@onceonly/shared/signing";

const FORWARDED = ["x-window-id", "x-department", "x-purpose"];

// onFetch sees each subgraph request as it is about to go out, after the built-in
// plugins (header propagation among them) have shaped it: sign its final bytes.
function signSubgraphRequests(secret: string): GatewayPlugin {
  return {
    onFetch({ url, options, setOptions }) {
      const body = options.body ?? "";
      if (typeof body !== "string" && !(body instanceof Uint8Array)) throw new Error(`cannot sign a streamed body to ${url}`);
      const { pathname, search } = new URL(url);
      const signature = signRequest(secret, { method: options.method ?? "GET", path: pathname + search, body, headers: options.headers as Record<string, unknown> | undefined });
      setOptions({ ...options, headers: { ...options.headers, ...signature } });
    },
  };
}

export const gatewayConfig = defineConfig({
  logging: "warn",
  plugins: () => [signSubgraphRequests(process.env.SUBGRAPH_SIGNING_SECRET!)],
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      return Object.fromEntries(FORWARDED.map((name) => [name, request.headers.get(name)]));
    },
  },
});
