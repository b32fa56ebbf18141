// Builds the gateway without side effects; index.ts decides when to listen.
import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { serveGraphQL, type RunningServer } from "@onceonly/shared";
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from "./config.js";
import { gatewayContext, type GatewayContext } from "./context.js";
import { healthz, readyz } from "./health.js";
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

export async function startGatewayService(options: GatewayOptions): Promise<RunningServer> {
  const apollo = new ApolloServer<GatewayContext>({
    gateway: createGateway(options),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // index.ts owns signals: Apollo's own handler would re-raise them and exit 130/143.
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  const running = await serveGraphQL({
    apollo,
    context: gatewayContext,
    port: options.port,
    host: options.host,
    routes: { "/healthz": healthz, "/readyz": readyz(options.subgraphUrls) },
  });
  return {
    ...running,
    async close() {
      await running.close();
      await apollo.stop();
    },
  };
}

export async function loadSupergraph(path: string): Promise<string> {
  return readFile(path, "utf8");
}
