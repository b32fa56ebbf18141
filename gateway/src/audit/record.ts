// An audit record as stored: the entry (normalised) plus its place in the chain.
import type { AuditDenial, AuditEntry, AuditOutcome } from "./audit-entry.js";

export const AUDIT_OUTCOMES: readonly AuditOutcome[] = ["ALLOWED", "PARTIAL", "DENIED", "ERROR"];

export interface AuditRecord extends AuditEntry {
  seq: number;
  prevHash: string;
  hash: string;
}

/** The columns of audit_log, in the order rows are written and read. */
export const RECORD_COLUMNS = [
  "seq",
  "at",
  "request_id",
  "window_id",
  "department",
  "purpose",
  "operation_name",
  "operation_type",
  "subjects",
  "fields",
  "outcome",
  "denials",
  "prev_hash",
  "hash",
] as const;

export interface AuditRow {
  seq: number;
  at: Date;
  request_id: string;
  window_id: string;
  department: string;
  purpose: string | null;
  operation_name: string | null;
  operation_type: string;
  subjects: string[];
  fields: string[];
  outcome: string;
  denials: unknown;
  prev_hash: string;
  hash: string;
  [column: string]: unknown;
}

/** A stored row as a record; no checks (the verifier recomputes the hash from exactly this). */
export function rowToRecord(row: AuditRow): AuditRecord {
  return {
    seq: Number(row.seq),
    at: row.at instanceof Date ? row.at : new Date(String(row.at)),
    requestId: row.request_id,
    window: row.window_id,
    department: row.department,
    purpose: row.purpose,
    operationName: row.operation_name,
    operationType: row.operation_type,
    subjects: row.subjects ?? [],
    fields: row.fields ?? [],
    outcome: row.outcome as AuditOutcome,
    denials: (typeof row.denials === "string" ? JSON.parse(row.denials) : row.denials) as AuditDenial[],
    prevHash: row.prev_hash,
    hash: row.hash,
  };
}

/** The row of a record keyed by column: what audit_append (migration 002) reads as jsonb. */
export function recordRow(record: AuditRecord): Record<(typeof RECORD_COLUMNS)[number], unknown> {
  return {
    seq: record.seq,
    at: record.at.toISOString(),
    request_id: record.requestId,
    window_id: record.window,
    department: record.department,
    purpose: record.purpose,
    operation_name: record.operationName,
    operation_type: record.operationType,
    subjects: record.subjects,
    fields: record.fields,
    outcome: record.outcome,
    denials: record.denials,
    prev_hash: record.prevHash,
    hash: record.hash,
  };
}

/** The row of a record, as parameters in RECORD_COLUMNS order (denials as JSON text for ::jsonb). */
export function recordParams(record: AuditRecord): unknown[] {
  const row = recordRow(record);
  return RECORD_COLUMNS.map((column) => (column === "denials" ? JSON.stringify(row.denials) : row[column]));
}

/** SQL casts per column, so both drivers send arrays and JSON as the column types. */
export const COLUMN_CASTS: Record<(typeof RECORD_COLUMNS)[number], string> = {
  seq: "::bigint",
  at: "::timestamptz",
  request_id: "",
  window_id: "",
  department: "",
  purpose: "::text",
  operation_name: "::text",
  operation_type: "",
  subjects: "::text[]",
  fields: "::text[]",
  outcome: "",
  denials: "::jsonb",
  prev_hash: "",
  hash: "",
};
