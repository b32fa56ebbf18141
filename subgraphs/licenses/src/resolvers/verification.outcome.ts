// The verdict on one licence, a pure function of the silo row and the question.
//
// Precedence, first match wins:
//   1. NOT_FOUND            the silo has no such licence
//   2. REVOKED / CANCELLED / REPORTED_LOST   the stored status (吊销/注销/挂失) — a dead
//                           licence is dead whoever shows it and whatever the date
//   3. HOLDER_MISMATCH      holderCode ≠ 持证主体代码, or holderName ≠ 持证主体 after
//                           full-width→half-width and trimming (nothing looser)
//   4. NOT_YET_VALID        asOf < validFrom
//   5. EXPIRED              asOf > validUntil (valid ON the last day; null = 长期)
//   6. VALID
import { OUTCOME_REASONS, type VerificationOutcomeValue } from "@onceonly/shared";
import type { LicenseRecord, LicenseStatusValue } from "../source/index.js";
import type { VerificationPlan } from "./verification.input.js";

/** Rule 2's stored statuses: a licence in one of them is dead (its outcome is the status). */
export const DEAD_STATUSES = ["REVOKED", "CANCELLED", "REPORTED_LOST"] as const satisfies readonly LicenseStatusValue[];
type DeadStatus = (typeof DEAD_STATUSES)[number];

/** What judge() asks of the question: who shows the licence, and for which day. */
export type Question = Pick<VerificationPlan, "holderCode" | "holderName" | "asOf" | "warnings">;

export interface Verdict {
  outcome: VerificationOutcomeValue;
  reason: string;
  reasonEn: string;
  warnings: string[];
}

export function judge(record: LicenseRecord | null, plan: Question): Verdict {
  const warnings = [...plan.warnings];
  const verdict = (outcome: VerificationOutcomeValue, zh = "", en = ""): Verdict => ({
    outcome,
    reason: OUTCOME_REASONS[outcome].zh + zh,
    reasonEn: OUTCOME_REASONS[outcome].en + en,
    warnings,
  });
  if (record === null) return verdict("NOT_FOUND");
  if (isDead(record.status)) return verdict(record.status);
  if (record.status === "UNRECOGNIZED") {
    // An unknown status word is not one of the three dead states we can name; the dates
    // still decide, and the caller is told to ask the issuing department.
    warnings.push("stored status is outside the code table (有效/注销/吊销/挂失); confirm with the issuing department");
  }
  if (plan.holderCode !== null && plan.holderCode !== record.holderCode?.toUpperCase()) {
    return verdict("HOLDER_MISMATCH", "（持证主体代码）", " (holder code)");
  }
  if (plan.holderName !== null && normalizeHolderName(plan.holderName) !== normalizeHolderName(record.holderName ?? "")) {
    return verdict("HOLDER_MISMATCH", "（持证主体名称）", " (holder name)");
  }
  if (record.validFrom !== null && plan.asOf < record.validFrom) {
    return verdict("NOT_YET_VALID", `（自 ${record.validFrom} 起有效）`, ` (valid from ${record.validFrom})`);
  }
  if (record.validUntil !== null && plan.asOf > record.validUntil) {
    return verdict("EXPIRED", `（有效期至 ${record.validUntil}）`, ` (valid until ${record.validUntil})`);
  }
  return verdict("VALID");
}

function isDead(status: LicenseStatusValue | null): status is DeadStatus {
  return (DEAD_STATUSES as readonly (LicenseStatusValue | null)[]).includes(status);
}

/**
 * Full-width ASCII (U+FF01–FF5E) to its half-width form, the ideographic space (U+3000)
 * to a space, then surrounding spaces trimmed. Deliberately not NFKC: that would also
 * fold circled digits, ligatures and compatibility ideographs into other names.
 */
export function normalizeHolderName(name: string): string {
  return name
    .replace(/[\uFF01-\uFF5E]/g, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0))
    .replace(/\u3000/g, " ")
    .trim();
}
