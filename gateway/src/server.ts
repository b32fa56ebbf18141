// Builds the gateway without side effects; index.ts decides when to listen.
import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { JWKS_PATH, logger, serveApollo, type RunningServer } from "@onceonly/shared";
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from "./config.js";
import { gatewayContext, type GatewayContext } from "./context.js";
import { healthz, readyz } from "./health.js";
import { jwksProxy } from "./jwks.js";
import { KNOWN_OPERATIONS } from "./operations/index.js";
import { PlanCache } from "./plan-cache.js";
import { warmPlans } from "./plan-warmer.js";
import { SubgraphClient } from "./subgraph-client.js";
import { SubgraphSource } from "./subgraph-source.js";

export { readGatewayConfig, DEFAULT_SUBGRAPH_URLS, DEFAULT_SUPERGRAPH_PATH, SUBGRAPH_NAMES } from "./config.js";
export type { GatewayConfig, SubgraphName } from "./config.js";
export * from "./operations/index.js";
export { PlanCache } from "./plan-cache.js";

export interface GatewayOptions extends Omit<GatewayConfig, "supergraphPath"> {
  supergraphSdl: string;
  /** Operations planned at start; default: the window's own (KNOWN_OPERATIONS). */
  warmOperations?: readonly string[];
  /** Where plans are kept (a test reads its stats); a fresh one by default. */
  planCache?: PlanCache;
}

export interface Gateway {
  apollo: ApolloGateway;
  planCache: PlanCache;
  /** Closes the subgraph connection pools (after the server has stopped). */
  close(): Promise<void>;
}

export function createGateway(options: Pick<GatewayOptions, "supergraphSdl" | "subgraphUrls" | "subgraphTimeoutMs" | "warmOperations" | "planCache">): Gateway {
  const log = logger.child({ component: "gateway" });
  const planCache = options.planCache ?? new PlanCache();
  const clients: SubgraphClient[] = [];
  // Read by ApolloGateway's constructor: unless the operator says otherwise, a government
  // gateway sends no usage data to its vendor (and runs no periodic exporter for it).
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const apollo = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: log,
    queryPlannerConfig: { cache: planCache },
    // Query plans are not shown to clients, whatever header they send.
    __exposeQueryPlanExperimental: false,
    // The supergraph names each subgraph; where it runs is deployment configuration.
    buildService: ({ name, url }) => {
      const configured = (SUBGRAPH_NAMES as readonly string[]).includes(name) ? options.subgraphUrls[name as SubgraphName] : url;
      if (!configured) throw new Error(`subgraph ${name} has no URL`);
      const client = new SubgraphClient({ name, url: configured, timeoutMs: options.subgraphTimeoutMs });
      clients.push(client);
      return new SubgraphSource(client);
    },
  });
  // Called on every supergraph load, right after the gateway has emptied its plan store.
  apollo.onSchemaLoadOrUpdate(({ coreSupergraphSdl }) => {
    const started = performance.now();
    const operations = options.warmOperations ?? KNOWN_OPERATIONS;
    const planned = warmPlans({ supergraphSdl: coreSupergraphSdl, operations, cache: planCache, log });
    log.info({ planned, of: operations.length, ms: Math.round(performance.now() - started) }, "query plans built for the known operations");
  });
  return {
    apollo,
    planCache,
    close: async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  };
}

export async function startGatewayService(options: GatewayOptions): Promise<RunningServer> {
  const gateway = createGateway(options);
  let running: RunningServer;
  try {
    running = await serveApollo<GatewayContext>({
      name: "gateway",
      apollo: { gateway: gateway.apollo },
      context: gatewayContext,
      port: options.port,
      host: options.host,
      routes: {
        "/healthz": healthz,
        "/readyz": readyz(options.subgraphUrls),
        [JWKS_PATH]: jwksProxy({ licensesUrl: options.subgraphUrls.licenses, timeoutMs: options.subgraphTimeoutMs }),
      },
    });
  } catch (error) {
    await gateway.close();
    throw error;
  }
  return {
    ...running,
    async close() {
      await running.close();
      await gateway.close();
    },
  };
}

export async function loadSupergraph(path: string): Promise<string> {
  return readFile(path, "utf8");
}
