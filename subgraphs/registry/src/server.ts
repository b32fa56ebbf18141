// Builds the registry subgraph and serves it; no side effects on import, so the gateway,
// the start script and the tests can build as many as they like. index.ts listens.
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import {
  buildFederatedSchema,
  logger,
  requestMeta,
  sendJson,
  serveGraphQL,
  type RunningServer,
  type Silo,
} from "@onceonly/shared";
import { DEFAULT_REGISTRY_PORT } from "./config.js";
import { createContext, type RegistryContext } from "./context.js";
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
  const schema = await buildRegistrySchema();
  const apollo = new ApolloServer<RegistryContext>({
    schema,
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // index.ts owns shutdown (server, then silo, then exit 0); Apollo's own handler would
    // re-raise the signal and the process would end with 130/143 before the silo closed.
    stopOnTerminationSignals: false,
    // Apollo's own messages (inline tracing …) go to the service log, not the console.
    logger: logger.child({ subgraph: "registry" }),
  });
  await apollo.start();
  const sources = createSources(options.silo);
  let running: RunningServer;
  try {
    running = await serveGraphQL({
      apollo,
      port: options.port ?? DEFAULT_REGISTRY_PORT,
      host: options.host,
      context: async (req) => createContext(sources, requestMeta(req)),
      routes: { "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }) },
    });
  } catch (error) {
    await apollo.stop();
    throw error;
  }
  return {
    ...running,
    async close() {
      await running.close();
      await apollo.stop();
    },
  };
}

export { createContext, type RegistryContext } from "./context.js";
export { createLoaders, type RegistryLoaders } from "./loaders.js";
export { createSources, type RegistrySources } from "./source/index.js";
