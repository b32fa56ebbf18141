// Builds the licences subgraph; no side effects on import (index.ts listens, tests and
// the gateway's start script call these).
import "reflect-metadata";
import { fileURLToPath } from "node:url";
import { buildFederatedSchema, startSubgraphService, type RunningServer, type Silo } from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { DEFAULT_LICENSES_PORT } from "./config.js";
import { createContext } from "./context.js";
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

/** Serves the subgraph at /graphql with GET /healthz. Closing it leaves the silo open: the caller owns it. */
export async function startLicensesService(options: LicensesServiceOptions): Promise<RunningServer> {
  const sources = createSources(options.silo);
  return startSubgraphService({
    name: "licenses",
    schema: await buildLicensesSchema(),
    context: (meta) => createContext(sources, meta),
    port: options.port ?? DEFAULT_LICENSES_PORT,
    host: options.host,
  });
}
