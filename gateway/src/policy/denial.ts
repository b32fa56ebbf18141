// Why a field is withheld, and the error that says so. A withheld field is null in the
// answer with one FORBIDDEN error at its path naming the field and what was missing:
// never silently dropped.
import { GraphQLError } from "graphql";

export type DenialCode =
  | "MISSING_SCOPE"
  | "NO_PURPOSE"
  | "INVALID_PURPOSE"
  | "NOT_PURPOSE_SUBJECT"
  | "PURPOSE_MISMATCH"
  | "UNKNOWN_POLICY";

export interface Denial {
  code: DenialCode;
  /** Schema coordinate, e.g. "Person.address". */
  field: string;
  message: string;
  messageZh: string;
  /** For MISSING_SCOPE: the alternatives, any one of which would do. */
  requiredScopes?: string[][];
  /** For NOT_PURPOSE_SUBJECT: whose data it was (kept for the audit, never sent). */
  subject?: string;
}

export class ForbiddenFieldError extends GraphQLError {
  readonly denial: Denial;

  constructor(denial: Denial) {
    super(denial.message, {
      extensions: {
        code: "FORBIDDEN",
        field: denial.field,
        reason: denial.code,
        messageZh: denial.messageZh,
        ...(denial.requiredScopes ? { requiredScopes: denial.requiredScopes } : {}),
      },
    });
    this.denial = denial;
  }
}

export function formatScopes(alternatives: string[][]): string {
  return alternatives.map((all) => all.join(" + ")).join(" or ");
}
