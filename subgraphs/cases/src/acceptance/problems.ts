// Why an acceptance is refused. Every check adds to one list, so the window learns all
// that is wrong in one round trip (a clerk fixing one material at a time, resubmitting
// after each, is what the service centres' reports complain about).
import { BadUserInputError } from "@onceonly/shared";

export type ProblemCode =
  | "WINDOW_REQUIRED"
  | "UNKNOWN_MATTER"
  | "BUNDLE_MEMBER_UNKNOWN"
  | "APPLICANT_KIND"
  | "APPLICANT_DECEASED"
  | "READINESS_NOT_FOUND"
  | "READINESS_OTHER_APPLICANT"
  | "READINESS_OTHER_MATTER"
  | "READINESS_STALE"
  | "UNKNOWN_MATERIAL"
  | "DUPLICATE_MATERIAL"
  | "DUPLICATE_FORM_FIELD"
  | "FIELD_NOT_PREFILLED"
  | "METHOD_UNRECOGNIZED"
  | "APPLICANT_NOT_REGISTERED"
  | "NOT_SATISFIED_BY_REGISTRY"
  | "LICENSE_REFERENCE_MISSING"
  | "LICENSE_REFERENCE_UNEXPECTED"
  | "NO_LICENSE_TYPE"
  | "RECEIPT_KEYS_UNAVAILABLE"
  | "RECEIPT_MALFORMED"
  | "RECEIPT_UNKNOWN_KEY"
  | "RECEIPT_BAD_SIGNATURE"
  | "RECEIPT_EXPIRED"
  | "RECEIPT_TOO_OLD"
  | "RECEIPT_OTHER_HOLDER"
  | "RECEIPT_OTHER_LICENSE"
  | "RECEIPT_OTHER_TYPE"
  | "RECEIPT_NOT_VALID"
  | "COMMITMENT_NOT_ALLOWED"
  | "DEFERRAL_NOT_ALLOWED"
  | "MISSING_REQUIRED";

export interface Problem {
  /** The material code the problem is about; null for the request as a whole. */
  material: string | null;
  code: ProblemCode;
  /** For people: Chinese label first, then what is wrong and the rule. */
  reason: string;
}

/** One error naming every problem; `extensions.problems` carries them for programs. */
export function refusal(problems: readonly Problem[]): BadUserInputError {
  const lines = problems.map((p) => (p.material === null ? p.reason : `材料 ${p.material}: ${p.reason}`));
  const count = problems.length === 1 ? "1 problem" : `${problems.length} problems`;
  return new BadUserInputError(`acceptCase refused (${count}): ${lines.join("; ")}`, {
    problems: problems.map((p) => ({ material: p.material, reason: p.reason, code: p.code })),
  });
}
