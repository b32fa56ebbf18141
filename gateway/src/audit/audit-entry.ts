// CONTRACT between the policy step (which knows what a request read) and the audit log
// (which keeps it, hash-chained). One entry per request touching personal data.

export type AuditOutcome = "ALLOWED" | "PARTIAL" | "DENIED" | "ERROR";

export interface AuditDenial {
  /** Schema coordinate, e.g. "Person.address". */
  field: string;
  /** Machine code: MISSING_SCOPE, NO_PURPOSE, INVALID_PURPOSE, NOT_PURPOSE_SUBJECT, UNAUTHENTICATED … */
  code: string;
  /** Subject ID number, when the denial was about one person. */
  subject?: string;
}

export interface AuditEntry {
  at: Date;
  requestId: string;
  window: string;
  department: string;
  /** X-Purpose as sent (matter code or case number); null when absent. */
  purpose: string | null;
  operationName: string | null;
  /** "query" | "mutation". */
  operationType: string;
  /** Full ID numbers (never masked: masking is for responses, not the audit). Sorted, unique. */
  subjects: string[];
  /** Schema coordinates of personal-data fields returned. Sorted, unique. */
  fields: string[];
  outcome: AuditOutcome;
  denials: AuditDenial[];
}

export interface AuditLog {
  /**
   * Appends one entry and resolves once it is durably in the chain. Rejects when it could
   * not be written: the caller then withholds the data (fail closed).
   */
  append(entry: AuditEntry): Promise<void>;
  close(): Promise<void>;
}
