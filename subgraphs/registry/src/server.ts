// Builds the registry subgraph and serves it; no side effects on import, so the gateway,
// the start script and the tests can build as many as they like. index.ts listens.
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import type { GraphQLSchema } from "graphql";
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
import { DEFAULT_REGISTRY_PORT } from "./config.js";
import { createContext } from "./context.js";
import { RegistryQualityScanResolver } from "./quality/quality-scan.resolver.js";
import { HouseholdResolver } from "./resolvers/household.resolver.js";
import { householdReference } from "./resolvers/household.reference.js";
import { PersonResolver } from "./resolvers/person.resolver.js";
import { personReference } from "./resolvers/person.reference.js";
import { startRegistryChangeFeed } from "./source/change-feed.js";
import { createSources } from "./source/index.js";

export const MIGRATIONS: string = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildRegistrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [PersonResolver, HouseholdResolver, RegistryQualityScanResolver] },
    { Person: personReference, Household: householdReference },
  );
}

export interface RegistryServiceOptions {
  silo: Silo;
  port?: number;
  host?: string;
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
export async function startRegistryService(options: RegistryServiceOptions): Promise<RunningServer> {
  const { freshness = {} } = options;
  const cache = boundCache(options.cache, freshness);
  const sources = createSources(options.silo, cache);
  return startSubgraphService({
    name: "registry",
    schema: await buildRegistrySchema(),
    context: (meta) => createContext(sources, meta),
    port: options.port ?? DEFAULT_REGISTRY_PORT,
    host: options.host,
    signing: options.signing,
    nonces: options.nonces,
    watch: cache
      ? () =>
          startRegistryChangeFeed({
            silo: options.silo,
            cache,
            pollMs: freshness.pollMs ?? DEFAULT_POLL_MS,
            listen: freshness.listen,
            log: logger.child({ subgraph: "registry" }),
          })
      : undefined,
  });
}

export { createContext, type RegistryContext } from "./context.js";
export { createLoaders, type RegistryLoaders } from "./loaders.js";
export { createSources, type RegistrySources } from "./source/index.js";
