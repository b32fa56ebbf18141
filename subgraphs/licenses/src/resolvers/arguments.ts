// Identifier checks that run BEFORE any SQL: a malformed value is refused with
// BAD_USER_INPUT naming the value and the rule, and the silo never sees it.
import { BadUserInputError, validateCreditCode, validateIdNumber, validateLicenseId, type ValidCreditCode } from "@onceonly/shared";

export function checkLicenseId(argument: string, raw: string): string {
  const result = validateLicenseId(raw);
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result.value;
}

export function checkIdNumber(argument: string, raw: string): string {
  const result = validateIdNumber(raw);
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result.value;
}

/** A check-character failure passes (pilot-era codes are legal); every other rule refuses. */
export function checkCreditCode(argument: string, raw: string): ValidCreditCode {
  const result = validateCreditCode(raw);
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result;
}

// Licence type codes: the defining agency's credit code + 3 digits (design.md §4), the
// same rule validateLicenseId applies to the type part of an identifier.
export function checkTypeCode(argument: string, raw: string): string {
  const value = raw.trim().toUpperCase();
  if (!/^[0-9A-Z]{18}\d{3}$/.test(value)) {
    throw BadUserInputError.fromValidation(argument, {
      ok: false,
      value,
      rule: "type-code",
      message: `licence type code "${value}" must be an 18-character credit code + 3 digits`,
    });
  }
  return value;
}

// 证照编号 is free text in the silo (varchar 64); only emptiness and length are refused.
export function checkLicenseNumber(argument: string, raw: string): string {
  const value = raw.trim();
  if (value.length === 0 || value.length > 64) {
    throw BadUserInputError.fromValidation(argument, {
      ok: false,
      value,
      rule: "length",
      message: `licence number "${value}" has ${value.length} characters; it must have 1 to 64`,
    });
  }
  return value;
}
