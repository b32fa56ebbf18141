// Turns a VerifyLicenseInput into a lookup plan BEFORE any SQL. Input the caller got
// wrong (both or neither lookup, a holder code of no known shape) is BAD_USER_INPUT; a
// malformed licence identifier is an answer (MALFORMED_IDENTIFIER), so a bulk request
// keeps its order and its other answers.
import { BadUserInputError, validateCreditCode, validateIdNumber, validateLicenseId, type ValidationFailure } from "@onceonly/shared";
import type { VerifyLicenseInput } from "../schema/verification.type.js";
import type { TypeAndNumber } from "../source/index.js";
import { checkLicenseNumber, checkTypeCode } from "./arguments.js";
import { shanghaiToday } from "./expiry.js";

export type Lookup =
  | { kind: "id"; id: string }
  | { kind: "number"; key: TypeAndNumber }
  | { kind: "malformed"; failure: ValidationFailure; id: string | null; typeCode: string | null };

export interface VerificationPlan {
  lookup: Lookup;
  /** Normalised (trimmed, upper-case); null when not presented. */
  holderCode: string | null;
  holderName: string | null;
  asOf: string;
  warnings: string[];
}

export function planVerification(argument: string, input: VerifyLicenseInput, now: Date): VerificationPlan {
  const warnings: string[] = [];
  return {
    lookup: lookupOf(argument, input),
    holderCode: input.holderCode == null ? null : checkHolderCode(`${argument}.holderCode`, input.holderCode, warnings),
    holderName: input.holderName ?? null,
    asOf: input.asOf ?? shanghaiToday(now),
    warnings,
  };
}

function lookupOf(argument: string, input: VerifyLicenseInput): Lookup {
  const byId = input.id != null;
  const byNumber = input.typeCode != null || input.number != null;
  if (byId === byNumber || (byNumber && (input.typeCode == null || input.number == null))) {
    throw new BadUserInputError(
      `${argument}: give either \`id\`, or both \`typeCode\` and \`number\` (rule: one-lookup); got ` +
        `${["id", "typeCode", "number"].filter((k) => input[k as keyof VerifyLicenseInput] != null).join(" + ") || "none"}`,
      { argument, rule: "one-lookup" },
    );
  }
  if (byId) {
    const result = validateLicenseId(input.id!);
    return result.ok ? { kind: "id", id: result.value } : { kind: "malformed", failure: result, id: result.value, typeCode: null };
  }
  try {
    return { kind: "number", key: { typeCode: checkTypeCode("typeCode", input.typeCode!), number: checkLicenseNumber("number", input.number!) } };
  } catch (error) {
    if (!(error instanceof BadUserInputError)) throw error;
    const { value, rule } = error.extensions as { value: string; rule: string };
    const failure: ValidationFailure = { ok: false, value, rule, message: error.message };
    return { kind: "malformed", failure, id: null, typeCode: input.typeCode!.trim().toUpperCase() };
  }
}

// Private: a person shows an ID number, an organisation a credit code. A pilot-era credit
// code failing the GB 32100 check is legal: verified, with a warning, never refused.
function checkHolderCode(argument: string, raw: string, warnings: string[]): string {
  const id = validateIdNumber(raw);
  if (id.ok) return id.value;
  const credit = validateCreditCode(raw);
  if (credit.ok) {
    if (credit.warning) warnings.push(credit.warning);
    return credit.value;
  }
  throw new BadUserInputError(
    `${argument} "${raw.trim()}" is neither a resident ID number (${id.rule}: ${id.message}) ` +
      `nor a unified social credit code (${credit.rule}: ${credit.message})`,
    { argument, rule: "holder-code", value: raw.trim() },
  );
}
