// Builds the registry subgraph and serves it; no side effects on import, so the gateway,
// the start script and the tests can build as many as they like. index.ts listens.
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import type { GraphQLSchema } from "graphql";
import { buildFederatedSchema, startSubgraphService, type RunningServer, type Silo } from "@onceonly/shared";
import { DEFAULT_REGISTRY_PORT } from "./config.js";
import { createContext } from "./context.js";
import { HouseholdResolver } from "./resolvers/household.resolver.js";
import { householdReference } from "./resolvers/household.reference.js";
import { PersonResolver } from "./resolvers/person.resolver.js";
import { personReference } from "./resolvers/person.reference.js";
import { createSources } from "./source/index.js";

export const MIGRATIONS: string = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildRegistrySchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: [PersonResolver, HouseholdResolver] },
    { Person: personReference, Household: householdReference },
  );
}

export interface RegistryServiceOptions {
  silo: Silo;
  port?: number;
  host?: string;
}

/** Serves the subgraph at /graphql with GET /healthz. Closing it leaves the silo open: the caller owns it. */
export async function startRegistryService(options: RegistryServiceOptions): Promise<RunningServer> {
  const sources = createSources(options.silo);
  return startSubgraphService({
    name: "registry",
    schema: await buildRegistrySchema(),
    context: (meta) => createContext(sources, meta),
    port: options.port ?? DEFAULT_REGISTRY_PORT,
    host: options.host,
  });
}

export { createContext, type RegistryContext } from "./context.js";
export { createLoaders, type RegistryLoaders } from "./loaders.js";
export { createSources, type RegistrySources } from "./source/index.js";
