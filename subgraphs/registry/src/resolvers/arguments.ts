// Argument checks that run before any SQL: a malformed identifier is the caller's
// mistake, answered with BAD_USER_INPUT naming the value and the rule, and the silo is
// never asked about it.
import { BadUserInputError, validateIdNumber, type ValidationFailure } from "@onceonly/shared";

/** The most ID numbers one `persons` call may ask for. */
export const MAX_PERSONS_PER_QUERY = 500;

// rk_hxx.hh is varchar(20); 户号 are digits, sometimes with letters or dashes.
const HOUSEHOLD_NUMBER_MAX = 20;

export function requireIdNumber(argument: string, raw: string): string {
  const result = validateIdNumber(raw);
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result.value;
}

export function requireIdNumbers(argument: string, raws: readonly string[]): string[] {
  if (raws.length > MAX_PERSONS_PER_QUERY) {
    throw new BadUserInputError(
      `${argument}: ${raws.length} ID numbers requested; at most ${MAX_PERSONS_PER_QUERY} per query — split the list`,
      { argument, count: raws.length, limit: MAX_PERSONS_PER_QUERY },
    );
  }
  return raws.map((raw, i) => requireIdNumber(`${argument}[${i}]`, raw));
}

export function requireHouseholdNumber(argument: string, raw: string): string {
  const result = validateHouseholdNumber(raw);
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result.value;
}

export function validateHouseholdNumber(raw: string): { ok: true; value: string } | ValidationFailure {
  const value = raw.trim();
  const fail = (rule: string, message: string): ValidationFailure => ({ ok: false, value, rule, message });
  if (value === "") return fail("empty", "household number is empty");
  if (value.length > HOUSEHOLD_NUMBER_MAX) {
    return fail("length", `household number "${value}" has ${value.length} characters; at most ${HOUSEHOLD_NUMBER_MAX}`);
  }
  if (!/^[0-9A-Za-z-]+$/.test(value)) {
    return fail("format", `household number "${value}" may hold only digits, Latin letters and "-"`);
  }
  return { ok: true, value };
}
