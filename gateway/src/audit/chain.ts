// The hash chain: hash(n) = SHA-256 hex of hash(n-1) followed by the canonical form of
// record n. The canonical form is a JSON array in a fixed order with arrays sorted, so a
// record hashes the same whatever the driver, jsonb's key order or the order a caller
// listed subjects in; it covers every stored member (nothing is dropped or de-duplicated
// here), so any change to a stored value changes the hash. Changing this function breaks
// every stored chain: never edit it, add a new version tag instead.
import { createHash } from "node:crypto";
import type { AuditDenial, AuditEntry } from "./audit-entry.js";

export const GENESIS_HASH = "0".repeat(64);
const VERSION = "onceonly-audit/1";

export interface Chained extends AuditEntry {
  seq: number;
}

export function canonicalRecord(record: Chained): string {
  return JSON.stringify([
    VERSION,
    record.seq,
    record.at.toISOString(),
    record.requestId,
    record.window,
    record.department,
    record.purpose,
    record.operationName,
    record.operationType,
    sorted(record.subjects),
    sorted(record.fields),
    record.outcome,
    Array.isArray(record.denials) ? sortedBy(record.denials.map(canonicalObject)) : record.denials,
  ]);
}

export function chainHash(prevHash: string, record: Chained): string {
  return createHash("sha256").update(prevHash).update(canonicalRecord(record)).digest("hex");
}

/** Sorted (code-unit order, the same on every machine) and de-duplicated: how entries are stored. */
export function sortedUnique(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compare);
}

/** Denials as stored: de-duplicated, in canonical order, `subject` only when there is one. */
export function sortDenials(denials: readonly AuditDenial[]): AuditDenial[] {
  const clean = denials.map((d) => (d.subject === undefined || d.subject === null ? { field: d.field, code: d.code } : { field: d.field, code: d.code, subject: d.subject }));
  const unique = new Map(clean.map((d) => [canonicalObject(d), d]));
  return [...unique.entries()].sort(([a], [b]) => compare(a, b)).map(([, d]) => d);
}

// Private: every member, keys sorted, as one string (so extra or retyped members show).
function canonicalObject(value: unknown): string {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return JSON.stringify(value);
  const object = value as Record<string, unknown>;
  return JSON.stringify(Object.keys(object).sort(compare).map((key) => [key, object[key]]));
}

// Private: a stored value that is not an array (tampered) hashes as it is, never throws.
function sorted(values: readonly string[]): readonly string[] {
  return Array.isArray(values) ? [...values].sort(compare) : values;
}

function sortedBy(values: string[]): string[] {
  return values.sort(compare);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
