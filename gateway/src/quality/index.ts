// The stewards' data quality reports at the gateway: the in-process "quality" subgraph
// over the report history (QUALITY_REPORTS_DIR).
export {
  buildQualitySchema,
  qualityDataSource,
  qualityHistory,
  NO_QUALITY_HISTORY,
  QUALITY_SUBGRAPH_NAME,
  QUALITY_SUBGRAPH_URL,
} from "./subgraph/quality-subgraph.js";
export { MAX_REPORTS_LISTED, type QualityHistoryReader } from "./subgraph/quality-report.resolver.js";
