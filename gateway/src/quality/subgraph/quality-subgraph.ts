// The "quality" subgraph: the data quality report history for stewards, composed into the
// supergraph like the department subgraphs but served inside the gateway process (no
// port, no network hop) through @apollo/gateway's LocalGraphQLDataSource — as the audit
// subgraph is. The reports themselves are written by `npm run report:quality`.
import "reflect-metadata";
import { LocalGraphQLDataSource, type GraphQLDataSource } from "@apollo/gateway";
import { buildFederatedSchema, openReportHistory } from "@onceonly/shared";
import type { GraphQLSchema } from "graphql";
import { QualityReportResolver, type QualityHistoryReader } from "./quality-report.resolver.js";

export const QUALITY_SUBGRAPH_NAME = "quality";
/** The supergraph needs a URL per subgraph; this one is never fetched (see qualityDataSource). */
export const QUALITY_SUBGRAPH_URL = "http://gateway.local/quality";

/** For composition, and for a gateway started without a reports folder: an empty history. */
export const NO_QUALITY_HISTORY: QualityHistoryReader = {
  list: async () => [],
  latest: async () => null,
  get: async () => null,
};

export async function buildQualitySchema(history: QualityHistoryReader = NO_QUALITY_HISTORY): Promise<GraphQLSchema> {
  const resolver = new QualityReportResolver(history);
  return buildFederatedSchema({
    resolvers: [QualityReportResolver],
    // The container captured by this schema's resolvers: each schema reads its own history.
    container: { get: () => resolver },
  });
}

/** The history in a folder (QUALITY_REPORTS_DIR); none: an empty one. */
export function qualityHistory(dir: string | undefined): QualityHistoryReader {
  return dir ? openReportHistory(dir) : NO_QUALITY_HISTORY;
}

/**
 * What buildService returns for the "quality" subgraph. Synchronous because buildService
 * is; the schema is built in the background and the first fetch waits for it (a build
 * error fails that fetch, naming the cause).
 */
export function qualityDataSource(history: QualityHistoryReader): GraphQLDataSource {
  const local = buildQualitySchema(history).then((schema) => new LocalGraphQLDataSource(schema));
  local.catch(() => undefined); // reported by the first process() instead of as unhandled
  return { process: async (options) => (await local).process(options) };
}
