// GB 32100-2015 unified social credit code (统一社会信用代码): 18 characters over a
// 31-character alphabet (no I, O, S, V, Z): registration authority, organisation
// category, 6-digit GB/T 2260 region, 9-character organisation code, check character.
import type { ValidationFailure } from "./result.js";

const ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

export interface ValidCreditCode {
  ok: true;
  value: string;
  region: string;
  /**
   * False for codes that are well formed but fail the check character. Some pilot-era
   * codes were issued that way and are still legal: report them, never reject them.
   */
  checkDigitValid: boolean;
  warning?: string;
}

export type CreditCodeResult = ValidCreditCode | ValidationFailure;

export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += ALPHABET.indexOf(first17[i]) * WEIGHTS[i];
  return ALPHABET[(31 - (sum % 31)) % 31];
}

export function validateCreditCode(raw: string): CreditCodeResult {
  const value = raw.trim().toUpperCase();
  const fail = (rule: string, message: string): ValidationFailure => ({ ok: false, value, rule, message });
  if (value.length !== 18) {
    return fail("length", `credit code "${value}" has ${value.length} characters; GB 32100 requires 18`);
  }
  const bad = [...value].find((ch) => !ALPHABET.includes(ch));
  if (bad !== undefined) {
    return fail("charset", `credit code "${value}" contains "${bad}", outside the GB 32100 alphabet 0-9 A-Y without I, O, S, V, Z`);
  }
  if (!/^\d{6}$/.test(value.slice(2, 8))) {
    return fail("region", `credit code "${value}" has region "${value.slice(2, 8)}"; positions 3-8 must be a 6-digit GB/T 2260 code`);
  }
  const expected = creditCodeCheckChar(value);
  const checkDigitValid = value[17] === expected;
  return {
    ok: true,
    value,
    region: value.slice(2, 8),
    checkDigitValid,
    ...(checkDigitValid
      ? {}
      : { warning: `credit code "${value}" ends in "${value[17]}" but its GB 32100 check character is "${expected}" (pilot-era code?)` }),
  };
}
