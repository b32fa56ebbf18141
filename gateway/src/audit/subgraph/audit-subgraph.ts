// The "audit" subgraph: its own schema, composed into the supergraph like the department
// subgraphs, but served inside the gateway process (no port, no network hop) through
// @apollo/gateway's LocalGraphQLDataSource.
import "reflect-metadata";
import { LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import { buildFederatedSchema } from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import type { AuditReader } from "../query.js";
import { AuditRecordResolver } from "./audit-record.resolver.js";

export const AUDIT_SUBGRAPH_NAME = "audit";
/** The supergraph needs a URL per subgraph; this one is never fetched (see auditDataSource). */
export const AUDIT_SUBGRAPH_URL = "http://gateway.local/audit";

export interface AuditSubgraph {
  name: typeof AUDIT_SUBGRAPH_NAME;
  schema: GraphQLSchema;
}

/** For composition: the schema without a log behind it. */
const NO_LOG: AuditReader = {
  records: () => Promise.reject(new Error("this audit schema was built for composition only; it has no log to read")),
};

export async function buildAuditSchema(reader: AuditReader = NO_LOG): Promise<GraphQLSchema> {
  const resolver = new AuditRecordResolver(reader);
  return buildFederatedSchema({
    resolvers: [AuditRecordResolver],
    // The container captured by this schema's resolvers: each schema reads its own log.
    container: { get: () => resolver },
  });
}

export async function createAuditSubgraph(log: AuditReader): Promise<AuditSubgraph> {
  return { name: AUDIT_SUBGRAPH_NAME, schema: await buildAuditSchema(log) };
}

/**
 * What buildService returns for the "audit" subgraph. Synchronous because buildService is;
 * the schema is built in the background and the first fetch waits for it (a build error
 * fails that fetch, naming the cause).
 */
export function auditDataSource(log: AuditReader): GraphQLDataSource {
  const local = buildAuditSchema(log).then((schema) => new LocalGraphQLDataSource(schema));
  local.catch(() => undefined); // reported by the first process() instead of as unhandled
  return { process: async (options) => (await local).process(options) };
}
