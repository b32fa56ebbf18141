// Builds the cases subgraph; no side effects on import (the gateway, the start script
// and the tests all import it). index.ts is what listens.
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { ApolloServer } from "@apollo/server";
import { buildFederatedSchema, logger, requestMeta, sendJson, serveGraphQL, type RunningServer, type Silo } from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { createCasesContext, type CasesContext } from "./context.js";
import { referenceResolvers, resolvers } from "./resolvers/index.js";
import { CasesOrganization, CasesPerson } from "./schema/applicant.type.js";
import { createSources } from "./source/index.js";

export const MIGRATIONS = fileURLToPath(new URL("../migrations", import.meta.url));

export async function buildCasesSchema(): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    {
      resolvers: [...resolvers],
      // Reached only through _entities (and the Applicant union): name them explicitly.
      orphanedTypes: [CasesPerson, CasesOrganization],
    },
    referenceResolvers,
  );
}

export interface CasesServiceOptions {
  silo: Silo;
  port?: number;
  host?: string;
}

export async function startCasesService(options: CasesServiceOptions): Promise<RunningServer> {
  const sources = createSources(options.silo);
  const apollo = new ApolloServer<CasesContext>({
    schema: await buildCasesSchema(),
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // index.ts owns the signals; Apollo's own handler would re-raise them and the process
    // would end by signal (exit 130/143) instead of stopping cleanly with 0.
    stopOnTerminationSignals: false,
    logger: logger.child({ subgraph: "cases" }),
  });
  await apollo.start();
  try {
    const running = await serveGraphQL({
      apollo,
      context: async (req) => createCasesContext(sources, requestMeta(req)),
      port: options.port ?? 4003,
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

export { createCasesContext, type CasesContext } from "./context.js";
export { createSources, type CasesSources } from "./source/index.js";
