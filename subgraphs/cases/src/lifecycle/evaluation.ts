// 好差评: the applicant rates a case once it is decided, once. Decided here without SQL;
// the source locks the row and writes what this returns.
import { BadUserInputError, Evaluation, UNRECOGNIZED } from "@onceonly/shared";
import type { CaseStatusValue, EvaluationValue } from "../source/records.js";
import { describeStatus, isFinished } from "./transitions.js";

export interface EvaluationState {
  number: string;
  status: CaseStatusValue | null;
  evaluation: EvaluationValue | null;
  evaluatedAt: Date | null;
}

export interface EvaluationRequest {
  evaluation: EvaluationValue;
  comment: string | null;
}

export interface EvaluationChange {
  evaluation: Exclude<EvaluationValue, typeof UNRECOGNIZED>;
  at: Date;
  comment: string | null;
}

const MAX_COMMENT = 2000;

/** Checks that need no case: run before any SQL. */
export function checkEvaluationRequest(request: EvaluationRequest): EvaluationRequest {
  if (request.evaluation === UNRECOGNIZED) {
    throw new BadUserInputError("evaluation: UNRECOGNIZED is not one of the five 好差评 levels", { argument: "evaluation", value: request.evaluation, rule: "level" });
  }
  const comment = request.comment?.trim() || null;
  if (comment !== null && comment.length > MAX_COMMENT) {
    throw new BadUserInputError(`comment: has ${comment.length} characters; at most ${MAX_COMMENT}`, { argument: "comment", rule: "length" });
  }
  return { ...request, comment };
}

export function planEvaluation(state: EvaluationState, request: EvaluationRequest, now: Date): EvaluationChange {
  const detail = { caseNumber: state.number, status: state.status };
  if (!isFinished(state.status)) {
    throw new BadUserInputError(
      `evaluateCase: case ${state.number} is ${describeStatus(state.status)}; 好差评 is given once the case is 办结 (COMPLETED) or 不予受理 (NOT_ACCEPTED)`,
      { ...detail, argument: "number", rule: "not-finished" },
    );
  }
  if (state.evaluation !== null) {
    const when = state.evaluatedAt ? ` at ${state.evaluatedAt.toISOString()}` : "";
    throw new BadUserInputError(
      `evaluateCase: case ${state.number} was already evaluated ${Evaluation.label(state.evaluation)} (${state.evaluation})${when}; 好差评 is given once`,
      { ...detail, argument: "number", rule: "already-evaluated", evaluation: state.evaluation, evaluatedAt: state.evaluatedAt?.toISOString() ?? null },
    );
  }
  return { evaluation: request.evaluation as EvaluationChange["evaluation"], at: now, comment: request.comment };
}
