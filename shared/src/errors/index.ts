// Error classes with fixed `extensions.code`s: clients branch on the code, people read
// the message, which restates the contract and names the offending value.
import { GraphQLError } from "graphql";
import type { ValidationFailure } from "../validators/result.js";

export class BadUserInputError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    // No HTTP status: a field error travels in a 200 response beside the partial data
    // (GraphQL over HTTP); a 4xx from a subgraph would make the gateway drop the whole fetch.
    super(message, { extensions: { code: "BAD_USER_INPUT", ...extensions } });
  }

  /** From a validator's refusal: the message names the value and the rule. */
  static fromValidation(argument: string, failure: ValidationFailure): BadUserInputError {
    return new BadUserInputError(`${argument}: ${failure.message}`, {
      argument,
      value: failure.value,
      rule: failure.rule,
    });
  }
}

export class NotFoundError extends GraphQLError {
  constructor(message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { code: "NOT_FOUND", ...extensions } });
  }
}

/** Closes exhaustive switches: reaching it means a union grew and a switch did not. */
export class UnreachableCaseError extends Error {
  constructor(value: never) {
    super(`Unreachable case: ${JSON.stringify(value)}`);
  }
}
