// Builds the licences subgraph; no side effects on import (index.ts listens, tests and
// the gateway's start script call these).
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { buildFederatedSchema, logger, requestMeta, sendJson, serveGraphQL, type RunningServer, type Silo } from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_LICENSES_PORT } from "./config.js";
import { createContext, type LicensesContext } from "./context.js";
import { referenceResolvers, resolvers } from "./resolvers/index.js";
import { LicenseType } from "./schema/license-type.type.js";
import { License } from "./schema/license.type.js";
import { Organization } from "./schema/organization.type.js";
import { LicensePerson } from "./schema/person.type.js";
import { createSources } from "./source/index.js";

export const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildLicensesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    // Person and Organization are also reached through _entities alone: listed so the
    // schema keeps them even if no field of a query type led there.
    { resolvers, orphanedTypes: [License, LicenseType, LicensePerson, Organization] },
    referenceResolvers,
  );
}

export interface LicensesServiceOptions {
  silo: Silo;
  port?: number;
  host?: string;
}

export async function startLicensesService(options: LicensesServiceOptions): Promise<RunningServer> {
  const apollo = new ApolloServer<LicensesContext>({
    schema: await buildLicensesSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // index.ts owns shutdown (server, then silo, then exit 0). Apollo's own handler would
    // re-raise the signal after stopping and the process would die with 130/143.
    stopOnTerminationSignals: false,
    // Apollo's notices (e.g. inline tracing) go to the service log, not bare stdout.
    logger: logger.child({ subgraph: "licenses", component: "apollo" }),
  });
  await apollo.start();
  const sources = createSources(options.silo);
  try {
    const running = await serveGraphQL({
      apollo,
      context: async (req) => createContext(sources, requestMeta(req)),
      port: options.port ?? DEFAULT_LICENSES_PORT,
      host: options.host,
      routes: { "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }) },
    });
    return {
      ...running,
      async close() {
        await running.close();
        await apollo.stop();
      },
    };
  } catch (error) {
    await apollo.stop();
    throw error;
  }
}
