// 证照核验结果: the verdict on one licence. Defined once here because two subgraphs declare
// it — licences answers verifyLicense and Person/Organization.licenseEvidence with it,
// cases reads those answers back through @requires — and federation composes a value type
// only when every subgraph spells it identically (same values, same descriptions).
import { registerEnumType } from "type-graphql";

export const VerificationOutcome = {
  VALID: "VALID",
  EXPIRED: "EXPIRED",
  NOT_YET_VALID: "NOT_YET_VALID",
  REVOKED: "REVOKED",
  CANCELLED: "CANCELLED",
  REPORTED_LOST: "REPORTED_LOST",
  HOLDER_MISMATCH: "HOLDER_MISMATCH",
  NOT_FOUND: "NOT_FOUND",
  MALFORMED_IDENTIFIER: "MALFORMED_IDENTIFIER",
} as const;
export type VerificationOutcomeValue = (typeof VerificationOutcome)[keyof typeof VerificationOutcome];

/** The fixed reason for each outcome, in Chinese and English (a result's reason may add detail). */
export const OUTCOME_REASONS: Record<VerificationOutcomeValue, { zh: string; en: string }> = {
  VALID: { zh: "证照有效", en: "the licence is valid" },
  EXPIRED: { zh: "证照已过有效期", en: "the licence has expired" },
  NOT_YET_VALID: { zh: "证照尚未生效", en: "the licence is not yet valid" },
  REVOKED: { zh: "证照已被吊销", en: "the licence has been revoked" },
  CANCELLED: { zh: "证照已注销", en: "the licence has been cancelled" },
  REPORTED_LOST: { zh: "证照已挂失", en: "the licence has been reported lost" },
  HOLDER_MISMATCH: { zh: "持证主体与证照记载不符", en: "the holder does not match the licence" },
  NOT_FOUND: { zh: "电子证照库中无此证照", en: "the licence library holds no such licence" },
  MALFORMED_IDENTIFIER: { zh: "证照标识格式或校验位错误", en: "the licence identifier is malformed or fails its check character" },
};

registerEnumType(VerificationOutcome, {
  name: "VerificationOutcome",
  description: "证照核验结果 (licence verification outcome)",
  valuesConfig: Object.fromEntries(
    Object.entries(OUTCOME_REASONS).map(([value, r]) => [value, { description: `${r.zh} (${r.en})` }]),
  ),
});
