// The gateway's audit log: append-only, hash-chained, signed checkpoints, its own store;
// verified by `npm run audit:verify`, read through the in-process "audit" subgraph.
export type { AuditDenial, AuditEntry, AuditLog, AuditOutcome } from "./audit-entry.js";
export { readAuditConfig, AUDIT_MIGRATIONS, DEFAULT_CHECKPOINT_EVERY, type AuditConfig } from "./config.js";
export {
  openAuditLog,
  AuditWriteError,
  DEFAULT_CHECKPOINT_INTERVAL_MS,
  DEFAULT_MAX_BATCH,
  type AuditLogOptions,
  type OpenedAuditLog,
} from "./open-audit-log.js";
export { AuditEntryError } from "./normalise.js";
export { canonicalRecord, chainHash, GENESIS_HASH } from "./chain.js";
export { AUDIT_OUTCOMES, type AuditRecord } from "./record.js";
export { readHead, type ChainHead } from "./audit-store.js";
export { queryAuditRecords, MAX_AUDIT_PAGE, type AuditQuery, type AuditReader, type AuditRecordPage } from "./query.js";
export { generateAuditKey, loadOrCreateAuditKey, readAuditKeyFile, auditPublicJwk, AUDIT_KEY_ALG, type AuditSigningKey } from "./key.js";
export { checkpointSigner, verifyCheckpoint, CHECKPOINT_TYP, type AuditPublicKeys, type CheckpointPayload } from "./checkpoint.js";
export { verifyAuditLog, describeAuditProblem, type AuditProblem, type AuditVerification, type VerifyAuditOptions } from "./verify.js";
export {
  createAuditSubgraph,
  buildAuditSchema,
  auditDataSource,
  AUDIT_SUBGRAPH_NAME,
  AUDIT_SUBGRAPH_URL,
  type AuditSubgraph,
} from "./subgraph/audit-subgraph.js";
