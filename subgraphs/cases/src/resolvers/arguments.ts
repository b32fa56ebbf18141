// Argument checks that run before any SQL: a malformed value is the caller's mistake,
// named with the rule it breaks, and the silo is never asked about it.
import { BadUserInputError, validateCreditCode, validateIdNumber } from "@onceonly/shared";
import { MAX_PAGE } from "../schema/case-connection.type.js";
import { decodeCaseCursor, type CaseCursor } from "../source/index.js";

const CODE_CHARS = /^[0-9A-Za-z_-]+$/;

/** Case numbers (办件编号) and matter codes (事项编码): 1-32 characters of [0-9A-Za-z_-]. */
export function checkCode(argument: string, raw: unknown): string {
  const value = typeof raw === "string" ? raw : String(raw ?? "");
  const fail = (rule: string, message: string) =>
    new BadUserInputError(`${argument}: "${value}" ${message}`, { argument, value, rule });
  if (value.length === 0) throw fail("empty", "is empty; it must have 1 to 32 characters");
  if (value.length > 32) throw fail("length", `has ${value.length} characters; at most 32 are allowed`);
  if (!CODE_CHARS.test(value)) throw fail("charset", "may contain only digits, Latin letters, '_' and '-'");
  return value;
}

export function checkPageSize(first: number | null): number {
  if (first === null || !Number.isInteger(first) || first < 1 || first > MAX_PAGE) {
    throw new BadUserInputError(`first: ${first} is outside 1 to ${MAX_PAGE}`, { argument: "first", value: first, rule: "range" });
  }
  return first;
}

export function checkCursor(after: string | null | undefined): CaseCursor | null {
  if (after === null || after === undefined) return null;
  const cursor = decodeCaseCursor(after);
  if (!cursor) {
    throw new BadUserInputError(`after: "${after}" is not a cursor of this list; pass a pageInfo.endCursor unchanged`, {
      argument: "after",
      value: after,
      rule: "cursor",
    });
  }
  return cursor;
}

/** GB 11643; returns the normalised number (a lower-case x becomes X). */
export function checkIdNumber(argument: string, raw: unknown): string {
  const result = validateIdNumber(typeof raw === "string" ? raw : String(raw ?? ""));
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result.value;
}

/** GB 32100; a failed check character is a pilot-era code, legal, so it is accepted. */
export function checkCreditCode(argument: string, raw: unknown): string {
  const result = validateCreditCode(typeof raw === "string" ? raw : String(raw ?? ""));
  if (!result.ok) throw BadUserInputError.fromValidation(argument, result);
  return result.value;
}
