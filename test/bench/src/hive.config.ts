// Hive Gateway's configuration for the benchmark (hive-gateway supergraph … -c this file):
// its defaults, plus forwarding the window's three headers to the subgraphs, as the
// stock Apollo Gateway does (see apollo-gateway.ts).
import { defineConfig } from "@graphql-hive/gateway";

const FORWARDED = ["x-window-id", "x-department", "x-purpose"];

export const gatewayConfig = defineConfig({
  logging: "warn",
  propagateHeaders: {
    fromClientToSubgraphs({ request }) {
      return Object.fromEntries(FORWARDED.map((name) => [name, request.headers.get(name)]));
    },
  },
});
