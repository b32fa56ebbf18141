// 用证记录 (dzzz_yzjl): who used a licence, for what, how. The stamp is the same for every
// licence one request touches, so it travels as one set of statement parameters.
import { UsageMethod } from "@onceonly/shared";
import type { LicenseRecord } from "./records.js";

export type UsageMethodValue = (typeof UsageMethod.enum)[keyof typeof UsageMethod.enum];

export interface UsageStamp {
  department: string | null;
  window: string | null;
  matterCode: string | null;
  caseNumber: string | null;
  /** The raw purpose as the caller sent it (yzmd). */
  purpose: string | null;
  method: Exclude<UsageMethodValue, "UNRECOGNIZED">;
  usedAt: Date;
}

export interface UsageRecord {
  id: number;
  licenseId: string;
  /** Present when the statement joined the licence (holder history); else load it. */
  license: LicenseRecord | null;
  department: string | null;
  window: string | null;
  matterCode: string | null;
  caseNumber: string | null;
  purpose: string | null;
  method: UsageMethodValue | null;
  usedAt: Date;
  /** Opaque position of this record in its page (pageInfo.endCursor). */
  cursor: string;
}

/**
 * A purpose is a 事项编码 when it has the catalogue's 12-digit shape, a 办件编号 when it
 * is a longer run of digits (region + date + serial, 13–32); anything else is only kept
 * as the raw purpose.
 */
export function classifyPurpose(purpose: string | null): { matterCode: string | null; caseNumber: string | null } {
  const value = purpose?.trim() ?? "";
  if (/^\d{12}$/.test(value)) return { matterCode: value, caseNumber: null };
  if (/^\d{13,32}$/.test(value)) return { matterCode: null, caseNumber: value };
  return { matterCode: null, caseNumber: null };
}

/** The INSERT columns and their parameters, from $first on, for a data-modifying CTE. */
export function usageInsert(stamp: UsageStamp, first: number): { values: string; params: unknown[] } {
  const params = [
    stamp.department?.slice(0, 100) ?? null,
    stamp.window?.slice(0, 32) ?? null,
    stamp.matterCode,
    stamp.caseNumber,
    stamp.purpose?.slice(0, 200) ?? null,
    UsageMethod.encode(stamp.method),
    stamp.usedAt,
  ];
  // Typed: in INSERT … SELECT an untyped parameter would be text, not timestamptz.
  const values = params.map((_, i) => `$${first + i}::${i === params.length - 1 ? "timestamptz" : "text"}`).join(", ");
  return { values, params };
}
