// What a verification receipt asserts. The claim names are the JWS payload's own, so a
// third party reading the payload sees the same words as this interface.

export interface VerificationReceiptClaims {
  licenseId: string | null;
  typeCode: string | null;
  holderCode: string | null;
  /** A VerificationOutcome value (VALID, EXPIRED, REVOKED …). */
  outcome: string;
  /** ISO timestamp of the check; the receipt's iat, and exp = iat + RECEIPT_TTL_SECONDS. */
  checkedAt: string;
  /** YYYY-MM-DD; null = long-term or unknown. */
  validUntil: string | null;
  window: string | null;
  purpose: string | null;
}

const NULLABLE_STRINGS = ["licenseId", "typeCode", "holderCode", "window", "purpose"] as const;
const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** The claims of a verified payload, or a message saying which claim is wrong. */
export function parseReceiptClaims(payload: Record<string, unknown>): VerificationReceiptClaims | string {
  for (const name of NULLABLE_STRINGS) {
    if (payload[name] !== null && typeof payload[name] !== "string") return `claim ${name} must be a string or null`;
  }
  const { outcome, checkedAt, validUntil } = payload;
  if (typeof outcome !== "string" || outcome === "") return "claim outcome must be a non-empty string";
  if (typeof checkedAt !== "string" || Number.isNaN(Date.parse(checkedAt))) return "claim checkedAt must be an ISO timestamp";
  if (validUntil !== null && (typeof validUntil !== "string" || !LOCAL_DATE.test(validUntil))) {
    return "claim validUntil must be YYYY-MM-DD or null";
  }
  return {
    licenseId: payload.licenseId as string | null,
    typeCode: payload.typeCode as string | null,
    holderCode: payload.holderCode as string | null,
    outcome,
    checkedAt,
    validUntil: validUntil as string | null,
    window: payload.window as string | null,
    purpose: payload.purpose as string | null,
  };
}
