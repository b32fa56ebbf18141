// Builds the gateway without side effects; index.ts decides when to listen.
import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { JWKS_PATH, serveApollo, type RunningServer } from "@onceonly/shared";
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from "./config.js";
import { gatewayContext, type GatewayContext } from "./context.js";
import { healthz, readyz } from "./health.js";
import { jwksProxy } from "./jwks.js";
import { SubgraphSource } from "./subgraph-source.js";

export { readGatewayConfig, DEFAULT_SUBGRAPH_URLS, DEFAULT_SUPERGRAPH_PATH, SUBGRAPH_NAMES } from "./config.js";
export type { GatewayConfig, SubgraphName } from "./config.js";

export interface GatewayOptions extends Omit<GatewayConfig, "supergraphPath"> {
  supergraphSdl: string;
}

export function createGateway(options: Pick<GatewayOptions, "supergraphSdl" | "subgraphUrls" | "subgraphTimeoutMs">): ApolloGateway {
  return new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    // The supergraph names each subgraph; where it runs is deployment configuration.
    buildService: ({ name, url }) => {
      const configured = (SUBGRAPH_NAMES as readonly string[]).includes(name) ? options.subgraphUrls[name as SubgraphName] : url;
      // Node's fetch (undici) pools keep-alive connections per origin.
      return new SubgraphSource({ url: configured, fetcher: (input, init) => fetch(input, { ...init, signal: AbortSignal.timeout(options.subgraphTimeoutMs) }) });
    },
  });
}

export function startGatewayService(options: GatewayOptions): Promise<RunningServer> {
  return serveApollo<GatewayContext>({
    name: "gateway",
    apollo: { gateway: createGateway(options) },
    context: gatewayContext,
    port: options.port,
    host: options.host,
    routes: {
      "/healthz": healthz,
      "/readyz": readyz(options.subgraphUrls),
      [JWKS_PATH]: jwksProxy({ licensesUrl: options.subgraphUrls.licenses, timeoutMs: options.subgraphTimeoutMs }),
    },
  });
}

export async function loadSupergraph(path: string): Promise<string> {
  return readFile(path, "utf8");
}
