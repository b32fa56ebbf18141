// Who applies: a person (GB 11643 ID number) or an organisation (GB 32100 credit code),
// told apart by the shared validators. A value that is neither is malformed input and
// refused at once; a well-formed value of the wrong kind for the matter is a problem.
import { BadUserInputError, validateCreditCode, validateIdNumber } from "@onceonly/shared";
import type { Problem } from "./problems.js";

export type ApplicantKindValue = "PERSON" | "ORGANIZATION";

export interface Applicant {
  /** Normalised (upper-case X, no spaces). */
  code: string;
  kind: ApplicantKindValue;
}

const KIND_LABEL: Record<ApplicantKindValue, string> = { PERSON: "自然人 (an ID number)", ORGANIZATION: "法人 (a credit code)" };

/** `served`: whom the matter serves (null: not recorded, either kind). */
export function readApplicant(raw: string, served: ApplicantKindValue | null): { applicant: Applicant; problem: Problem | null } {
  const id = validateIdNumber(raw);
  const credit = validateCreditCode(raw);
  // A pilot-era credit code (check character not enforced) is accepted for a matter that
  // serves organisations; anywhere else only a code whose check character holds counts as
  // one, or every mistyped ID number would pass for a company.
  const person = id.ok;
  const organization = credit.ok && (credit.checkDigitValid || (served === "ORGANIZATION" && !person));
  const as = (kind: ApplicantKindValue): Applicant => ({ code: kind === "PERSON" && id.ok ? id.value : credit.ok ? credit.value : raw, kind });

  const wanted = served ?? (person || !organization ? "PERSON" : "ORGANIZATION");
  if (wanted === "PERSON" ? person : organization) return { applicant: as(wanted), problem: null };
  const other: ApplicantKindValue = wanted === "PERSON" ? "ORGANIZATION" : "PERSON";
  if (served !== null && (other === "PERSON" ? person : organization)) {
    return {
      applicant: as(other),
      problem: {
        material: null,
        code: "APPLICANT_KIND",
        reason: `申请人类型不符: the matter serves ${KIND_LABEL[served]}, but applicant ${raw} is ${KIND_LABEL[other]}`,
      },
    };
  }
  const failure = wanted === "PERSON" ? id : credit;
  if (!failure.ok) throw BadUserInputError.fromValidation("applicant", failure);
  throw new Error(`unreachable: applicant ${raw} is a valid ${wanted} yet was refused`);
}
