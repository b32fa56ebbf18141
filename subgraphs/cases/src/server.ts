// Builds the cases subgraph; no side effects on import (the gateway, the start script
// and the tests all import it). index.ts is what listens.
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { buildFederatedSchema, startSubgraphService, type RunningServer, type Silo } from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_CASES_PORT } from "./config.js";
import { createCasesContext } from "./context.js";
import type { CasesServices } from "./services.js";
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
  /** Calendar, receipt keys, age limits, clock (see services.ts). */
  services: CasesServices;
}

/** Serves the subgraph at /graphql with GET /healthz. Closing it leaves the silo open: the caller owns it. */
export async function startCasesService(options: CasesServiceOptions): Promise<RunningServer> {
  const sources = createSources(options.silo);
  return startSubgraphService({
    name: "cases",
    schema: await buildCasesSchema(),
    context: (meta) => createCasesContext(sources, options.services, meta),
    port: options.port ?? DEFAULT_CASES_PORT,
    host: options.host,
  });
}

export { createCasesContext, type CasesContext } from "./context.js";
export { createSources, type CasesSources } from "./source/index.js";
export { createCasesServices, type CasesServices, type ReceiptKeySet } from "./services.js";
export { readCasesConfig, type CasesConfig } from "./config.js";
