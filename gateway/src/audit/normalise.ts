// Checks an entry before it joins a batch: a malformed entry is the caller's bug and must
// fail alone, not take the whole batch (and every request in it) down with it.
import type { AuditDenial, AuditEntry } from "./audit-entry.js";
import { sortDenials, sortedUnique } from "./chain.js";
import { AUDIT_OUTCOMES } from "./record.js";

export class AuditEntryError extends Error {
  override name = "AuditEntryError";
}

export function normaliseEntry(entry: AuditEntry): AuditEntry {
  if (!(entry.at instanceof Date) || Number.isNaN(entry.at.getTime())) {
    throw new AuditEntryError(`audit entry at=${String(entry.at)} must be a valid Date`);
  }
  return {
    at: new Date(entry.at.getTime()),
    requestId: text("requestId", entry.requestId),
    window: text("window", entry.window),
    department: text("department", entry.department),
    purpose: optionalText("purpose", entry.purpose),
    operationName: optionalText("operationName", entry.operationName),
    operationType: text("operationType", entry.operationType),
    subjects: sortedUnique(list("subjects", entry.subjects)),
    fields: sortedUnique(list("fields", entry.fields)),
    outcome: outcome(entry.outcome),
    denials: sortDenials(denials(entry.denials)),
  };
}

function text(name: string, value: unknown): string {
  if (typeof value !== "string" || value.length === 0) {
    throw new AuditEntryError(`audit entry ${name}=${JSON.stringify(value)} must be a non-empty string`);
  }
  // PostgreSQL text cannot hold NUL: refuse here, naming the field, not as a driver error.
  if (value.includes("\u0000")) throw new AuditEntryError(`audit entry ${name}=${JSON.stringify(value)} must not contain NUL characters`);
  return value;
}

function optionalText(name: string, value: unknown): string | null {
  return value === null || value === undefined ? null : text(name, value);
}

function list(name: string, value: unknown): string[] {
  if (!Array.isArray(value)) throw new AuditEntryError(`audit entry ${name}=${JSON.stringify(value)} must be an array of strings`);
  return value.map((item, i) => text(`${name}[${i}]`, item));
}

function outcome(value: unknown): AuditEntry["outcome"] {
  if (!(AUDIT_OUTCOMES as readonly unknown[]).includes(value)) {
    throw new AuditEntryError(`audit entry outcome=${JSON.stringify(value)} must be one of ${AUDIT_OUTCOMES.join(", ")}`);
  }
  return value as AuditEntry["outcome"];
}

function denials(value: unknown): AuditDenial[] {
  if (!Array.isArray(value)) throw new AuditEntryError(`audit entry denials=${JSON.stringify(value)} must be an array`);
  return value.map((d: AuditDenial, i) => {
    const denial: AuditDenial = { field: text(`denials[${i}].field`, d?.field), code: text(`denials[${i}].code`, d?.code) };
    const subject = optionalText(`denials[${i}].subject`, d?.subject);
    return subject === null ? denial : { ...denial, subject };
  });
}
