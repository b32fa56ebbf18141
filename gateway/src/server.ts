// Builds the gateway without side effects; index.ts decides when to listen.
import { readFile } from "node:fs/promises";
import { ApolloGateway } from "@apollo/gateway";
import { JWKS_PATH, logger, serveApollo, type RunningServer } from "@onceonly/shared";
import { SUBGRAPH_NAMES, type GatewayConfig, type SubgraphName } from "./config.js";
import type { AuditLog } from "./audit/audit-entry.js";
import type { AuditReader } from "./audit/query.js";
import { AUDIT_SUBGRAPH_NAME, auditDataSource } from "./audit/subgraph/audit-subgraph.js";
import { QUALITY_SUBGRAPH_NAME, qualityDataSource, qualityHistory } from "./quality/index.js";
import { gatewayContext, type Authenticate, type GatewayContext } from "./context.js";
import { healthz, readyz } from "./health.js";
import { jwksProxy } from "./jwks.js";
import { KNOWN_OPERATIONS } from "./operations/index.js";
import { DEFAULT_LIMITS, operationLimitsPlugin, persistedOperations, type LimitsConfig } from "./limits/index.js";
import { PlanCache } from "./plan-cache.js";
import { PolicyGateway } from "./policy/policy-gateway.js";
import { PURPOSE_QUERY } from "./policy/purpose.js";
import { supergraphForExecution } from "./policy/supergraph.js";
import { warmPlans } from "./plan-warmer.js";
import { SubgraphClient } from "./subgraph-client.js";
import { SubgraphSource } from "./subgraph-source.js";

export { readGatewayConfig, DEFAULT_SUBGRAPH_URLS, DEFAULT_SUPERGRAPH_PATH, SUBGRAPH_NAMES } from "./config.js";
export type { GatewayConfig, SubgraphName } from "./config.js";
export * from "./operations/index.js";
export { PlanCache } from "./plan-cache.js";
export * from "./auth/index.js";
export { buildManifest, manifestJson, operationId, readLimitsConfig, type LimitsConfig } from "./limits/index.js";
export * from "./audit/index.js";
export * from "./quality/index.js";
export { PolicyGateway } from "./policy/policy-gateway.js";
export { supergraphForExecution } from "./policy/supergraph.js";
export { maskAddress, maskIdNumber } from "./policy/masking.js";
export type { Authenticate } from "./context.js";

export interface GatewayOptions extends Omit<GatewayConfig, "supergraphPath" | "auth" | "audit" | "limits" | "qualityReportsDir"> {
  supergraphSdl: string;
  /** Operations planned at start; default: the window's own (KNOWN_OPERATIONS). */
  warmOperations?: readonly string[];
  /** Where plans are kept (a test reads its stats); a fresh one by default. */
  planCache?: PlanCache;
  /** SUBGRAPH_SIGNING_SECRET: every subgraph request is signed with it. */
  signingSecret: string;
  /** Verifies a request's bearer token (auth/). */
  authenticate: Authenticate;
  /** Where every request touching personal data is recorded, and what auditRecords reads; the caller owns (closes) it. */
  audit: AuditLog & AuditReader;
  /** Operation limits, introspection and persisted operations; the defaults when absent. */
  limits?: LimitsConfig;
  /** The data quality report history stewards query (QUALITY_REPORTS_DIR); none: an empty history. */
  qualityReportsDir?: string;
}

export interface Gateway {
  apollo: ApolloGateway;
  /** What Apollo Server runs: policy, purpose, masking and audit around Apollo's executor. */
  policy: PolicyGateway;
  planCache: PlanCache;
  /** Closes the subgraph connection pools (after the server has stopped). */
  close(): Promise<void>;
}

export function createGateway(options: Pick<GatewayOptions, "supergraphSdl" | "subgraphUrls" | "subgraphTimeoutMs" | "warmOperations" | "planCache" | "signingSecret" | "audit" | "qualityReportsDir">): Gateway {
  const log = logger.child({ component: "gateway" });
  const planCache = options.planCache ?? new PlanCache();
  const clients: SubgraphClient[] = [];
  // Read by ApolloGateway's constructor: unless the operator says otherwise, a government
  // gateway sends no usage data to its vendor (and runs no periodic exporter for it).
  process.env.APOLLO_TELEMETRY_DISABLED ??= "true";
  const apollo = new ApolloGateway({
    supergraphSdl: supergraphForExecution(options.supergraphSdl),
    logger: log,
    queryPlannerConfig: { cache: planCache },
    // Query plans are not shown to clients, whatever header they send.
    __exposeQueryPlanExperimental: false,
    // The supergraph names each subgraph; where it runs is deployment configuration.
    buildService: ({ name, url }) => {
      // The audit log is the gateway's own store: its subgraph is served in-process.
      if (name === AUDIT_SUBGRAPH_NAME) return auditDataSource(options.audit);
      // So are the data quality reports: files the report CLI writes.
      if (name === QUALITY_SUBGRAPH_NAME) return qualityDataSource(qualityHistory(options.qualityReportsDir));
      const configured = (SUBGRAPH_NAMES as readonly string[]).includes(name) ? options.subgraphUrls[name as SubgraphName] : url;
      if (!configured) throw new Error(`subgraph ${name} has no URL`);
      const client = new SubgraphClient({ name, url: configured, timeoutMs: options.subgraphTimeoutMs, signingSecret: options.signingSecret });
      clients.push(client);
      return new SubgraphSource(client);
    },
  });
  const policy = new PolicyGateway(apollo, { supergraphSdl: options.supergraphSdl, audit: options.audit, log });
  // Called on every supergraph load, right after the gateway has emptied its plan store.
  // Plans are built for the operations as the policy step hands them to Apollo.
  apollo.onSchemaLoadOrUpdate(({ coreSupergraphSdl, apiSchema }) => {
    const started = performance.now();
    const operations = options.warmOperations ?? KNOWN_OPERATIONS;
    const planned = warmPlans({ supergraphSdl: coreSupergraphSdl, operations, cache: planCache, log, transform: (document) => policy.rewriteForWarming(apiSchema, document) });
    // The gateway's own question (is X-Purpose a matter or a case of this window?) is asked as sent.
    warmPlans({ supergraphSdl: coreSupergraphSdl, operations: [PURPOSE_QUERY], cache: planCache, log });
    log.info({ planned, of: operations.length, ms: Math.round(performance.now() - started) }, "query plans built for the known operations");
  });
  return {
    apollo,
    policy,
    planCache,
    close: async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
    },
  };
}

export async function startGatewayService(options: GatewayOptions): Promise<RunningServer> {
  const gateway = createGateway(options);
  const limits = options.limits ?? { ...DEFAULT_LIMITS, introspection: false, persistedOperationsFile: null, persistedOperationsOnly: false };
  const persisted = persistedOperations(limits);
  let running: RunningServer;
  try {
    running = await serveApollo<GatewayContext>({
      name: "gateway",
      apollo: {
        gateway: gateway.policy,
        introspection: limits.introspection,
        persistedQueries: persisted.persistedQueries,
        // Both refuse before the gateway plans or fetches anything.
        plugins: [...persisted.plugins, operationLimitsPlugin(limits)],
      },
      context: gatewayContext(options.authenticate),
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
