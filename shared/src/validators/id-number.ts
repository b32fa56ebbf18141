// GB 11643-1999 citizen identity number: 6-digit region + YYYYMMDD + 3-digit sequence
// (odd = male, even = female) + ISO 7064 MOD 11-2 check character.
import type { ValidationFailure } from "./result.js";

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = "10X98765432";

// Province-level prefixes of GB/T 2260 (plus 71 Taiwan, 81 Hong Kong, 82 Macao used on
// residence permits). Only the province is checked: county codes are retired and
// renumbered over the years while the ID numbers issued under them stay valid for life.
const PROVINCES = new Set([
  "11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33", "34", "35", "36", "37",
  "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63", "64",
  "65", "71", "81", "82",
]);

export interface ValidIdNumber {
  ok: true;
  value: string;
  region: string;
  birthDate: string; // YYYY-MM-DD
  sex: "MALE" | "FEMALE";
}

export type IdNumberResult = ValidIdNumber | ValidationFailure;

/** Trims and upper-cases a trailing x: clerks type both, the standard writes X. */
export function normalizeIdNumber(raw: string): string {
  return raw.trim().toUpperCase();
}

export function idNumberCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function validateIdNumber(raw: string, today: Date = new Date()): IdNumberResult {
  const value = normalizeIdNumber(raw);
  const fail = (rule: string, message: string): ValidationFailure => ({ ok: false, value, rule, message });
  if (value.length !== 18) {
    return fail("length", `ID number "${value}" has ${value.length} characters; GB 11643 requires 18`);
  }
  if (!/^\d{17}[\dX]$/.test(value)) {
    return fail("format", `ID number "${value}" must be 17 digits followed by a digit or X (GB 11643)`);
  }
  if (!PROVINCES.has(value.slice(0, 2))) {
    return fail("region", `ID number "${value}" starts with "${value.slice(0, 6)}", which is not in a GB/T 2260 province`);
  }
  const birth = value.slice(6, 14);
  const birthDate = compactDateToIso(birth);
  if (!birthDate) {
    return fail("date", `ID number "${value}" encodes birth date "${birth}", which is not a calendar date`);
  }
  if (birth < "18000101" || birthDate > today.toISOString().slice(0, 10)) {
    return fail("date", `ID number "${value}" encodes birth date ${birthDate}, outside 1800-01-01 … today`);
  }
  const expected = idNumberCheckChar(value);
  if (value[17] !== expected) {
    return fail("check-digit", `ID number "${value}" ends in "${value[17]}" but its ISO 7064 MOD 11-2 check character is "${expected}"`);
  }
  return {
    ok: true,
    value,
    region: value.slice(0, 6),
    birthDate,
    sex: Number(value[16]) % 2 === 1 ? "MALE" : "FEMALE",
  };
}

/** "YYYYMMDD" → "YYYY-MM-DD", or null when it is not a real calendar date. */
export function compactDateToIso(compact: string): string | null {
  if (!/^\d{8}$/.test(compact)) return null;
  const y = Number(compact.slice(0, 4));
  const m = Number(compact.slice(4, 6));
  const d = Number(compact.slice(6, 8));
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${compact.slice(0, 4)}-${compact.slice(4, 6)}-${compact.slice(6, 8)}`;
}
