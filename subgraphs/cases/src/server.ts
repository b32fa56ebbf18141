// Builds the cases subgraph; no side effects on import (the gateway, the start script
// and the tests all import it). index.ts is what listens.
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import {
  boundCache,
  buildFederatedSchema,
  DEFAULT_POLL_MS,
  logger,
  startSubgraphService,
  type CacheFreshness,
  type EntityCache,
  type NonceStore,
  type RunningServer,
  type Silo,
  type SigningConfig,
} from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_CASES_PORT } from "./config.js";
import { createCasesContext } from "./context.js";
import type { CasesServices } from "./services.js";
import { referenceResolvers, resolvers } from "./resolvers/index.js";
import { CasesOrganization, CasesPerson } from "./schema/applicant.type.js";
import { startCasesChangeFeed } from "./source/change-feed.js";
import { createSources } from "./source/index.js";
import { CasesLicenseHolding, QualityApplicantCheckResolver, QualityCaseApplicantsResolver, QualityHandedOverMaterialsResolver } from "./quality/federated/index.js";

export const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildCasesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [...resolvers, QualityCaseApplicantsResolver, QualityApplicantCheckResolver, QualityHandedOverMaterialsResolver],
      // Reached only through _entities (and the Applicant union): name them explicitly.
      orphanedTypes: [CasesPerson, CasesOrganization, CasesLicenseHolding],
    },
    referenceResolvers,
  );
}

export interface CasesServiceOptions {
  silo: Silo;
  port?: number;
  host?: string;
  /** Calendar, receipt keys, age limits, clock (see services.ts). */
  services: CasesServices;
  /** Entity cache behind the loaders (none = every read goes to the silo). */
  cache?: EntityCache;
  /** With a cache: TTLs and the change feed (see CacheFreshness). */
  freshness?: CacheFreshness;
  /** The gateway's signing secret: /graphql answers only requests the gateway signed. */
  signing: SigningConfig;
  /** Answered nonces (the caller owns it); default: this process's memory. */
  nonces?: NonceStore;
}

/** Serves the subgraph at /graphql with GET /healthz. Closing it leaves the silo (and the cache) open: the caller owns them. */
export async function startCasesService(options: CasesServiceOptions): Promise<RunningServer> {
  const { freshness = {} } = options;
  const cache = boundCache(options.cache, freshness);
  const sources = createSources(options.silo, cache);
  return startSubgraphService({
    name: "cases",
    schema: await buildCasesSchema(),
    context: (meta) => createCasesContext(sources, options.services, meta),
    port: options.port ?? DEFAULT_CASES_PORT,
    host: options.host,
    signing: options.signing,
    nonces: options.nonces,
    watch: cache
      ? () =>
          startCasesChangeFeed({
            silo: options.silo,
            cache,
            pollMs: freshness.pollMs ?? DEFAULT_POLL_MS,
            listen: freshness.listen,
            log: logger.child({ subgraph: "cases" }),
          })
      : undefined,
  });
}

export { createCasesContext, type CasesContext } from "./context.js";
export { createSources, type CasesSources } from "./source/index.js";
export { createCasesServices, type CasesServices, type ReceiptKeySet } from "./services.js";
export { readCasesConfig, type CasesConfig } from "./config.js";
