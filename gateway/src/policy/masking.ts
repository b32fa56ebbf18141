// Masking of identifying values for callers without the PII scope (registry:read:pii).
// It happens on the way out, after the audit has recorded what was read: the audit log
// always holds the full subject, the window sees 110105********002X.
//
// Which fields are masked is a catalogue here rather than a schema directive: @apollo/
// gateway's composition keeps only the Federation directives, and masking is the
// gateway's presentation rule, not a subgraph's. test/policy-catalogue (gateway/test)
// keeps it honest: every supergraph field whose name says ID number, address or phone
// must be listed here or explicitly exempted.

export type MaskKind = "ID_NUMBER" | "ADDRESS" | "PHONE" | "ID_NUMBERS_IN_TEXT";

/** Keeps the region (6 digits) and the last 4 (sequence + check): 110105********002X. */
export function maskIdNumber(value: string): string {
  if (value.length !== 18) return value.length <= 4 ? "*".repeat(value.length) : `${"*".repeat(value.length - 4)}${value.slice(-4)}`;
  return `${value.slice(0, 6)}********${value.slice(-4)}`;
}

/** Keeps the administrative divisions (省/市/区/县/旗 …), hides street and house number. */
export function maskAddress(value: string): string {
  const prefix = /^(?:.{1,8}?(?:省|自治区|市))?(?:.{1,8}?(?:市|州|盟|地区))?(?:.{1,8}?(?:区|县|市|旗))?/u.exec(value)?.[0] ?? "";
  return prefix.length >= value.length ? value : `${prefix}****`;
}

/** Mainland mobile and fixed numbers: keeps the first 3 and last 4 digits. */
export function maskPhone(value: string): string {
  const digits = value.replace(/\D/g, "");
  if (digits.length < 7) return "*".repeat(value.length);
  return `${digits.slice(0, 3)}****${digits.slice(-4)}`;
}

const ID_NUMBER_IN_TEXT = /\b\d{17}[\dXx]\b/g;

export function mask(kind: MaskKind, value: string): string {
  switch (kind) {
    case "ID_NUMBER":
      return maskIdNumber(value);
    case "ADDRESS":
      return maskAddress(value);
    case "PHONE":
      return maskPhone(value);
    case "ID_NUMBERS_IN_TEXT":
      return value.replace(ID_NUMBER_IN_TEXT, maskIdNumber);
  }
}

/** Fields masked whatever their value. */
export const MASKED_FIELDS: ReadonlyMap<string, MaskKind> = new Map<string, MaskKind>([
  ["Person.idNumber", "ID_NUMBER"],
  ["Person.address", "ADDRESS"],
  ["Household.address", "ADDRESS"],
  ["PrefilledMember.idNumber", "ID_NUMBER"],
  ["License.holderCode", "ID_NUMBER"],
  ["AuditRecord.subjects", "ID_NUMBER"],
  ["AuditDenial.subject", "ID_NUMBER"],
]);

/** PrefilledField.value is masked by the form field it fills. */
export const MASKED_FORM_FIELDS: ReadonlyMap<string, MaskKind> = new Map<string, MaskKind>([
  ["ID_NUMBER", "ID_NUMBER"],
  ["ADDRESS", "ADDRESS"],
  ["HOUSEHOLD_ADDRESS", "ADDRESS"],
  ["HOUSEHOLD_MEMBERS", "ID_NUMBERS_IN_TEXT"],
]);

/**
 * Fields whose names look identifying but are not a person's: organisations' addresses
 * and codes are public registration data (企业登记信息公示), licence and case numbers are
 * not personal, and a 户号 identifies a household record, not a person.
 */
export const NOT_MASKED: ReadonlySet<string> = new Set([
  "Organization.address",
  "Organization.creditCode",
  "PrefilledField.code",
  "VerifyLicenseInput.holderCode",
]);
