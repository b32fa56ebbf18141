// What advanceCase changes, decided without SQL: the source locks the case row, hands its
// state here, and writes back whatever this returns (or nothing, when this throws).
import { BadUserInputError, CaseResult, formatChinaDay, UNRECOGNIZED, type WorkingCalendar } from "@onceonly/shared";
import type { CaseResultValue, CaseStatusValue, MatterKindValue } from "../source/records.js";
import { allowedTransitions, describeStatus, type KnownStatus, type PauseFacts } from "./transitions.js";

/** The case as read under its row lock. */
export interface LockedCase {
  number: string;
  status: CaseStatusValue | null;
  matterKind: MatterKindValue | null;
  promisedBy: Date | null;
  completedAt: Date | null;
  result: CaseResultValue | null;
  /** Read only for a case in 特别程序. */
  pause: PauseFacts | null;
}

export interface AdvanceRequest {
  to: CaseStatusValue;
  opinion: string | null;
  result: CaseResultValue | null;
  handler: string | null;
  window: string | null;
}

export interface CaseChange {
  status: KnownStatus;
  at: Date;
  promisedBy: Date | null;
  completedAt: Date | null;
  result: CaseResultValue | null;
  /** The timeline entry (sp_bjgc) this transition appends. */
  event: { window: string | null; handler: string | null; opinion: string | null };
}

// Column widths of sp_bjgc: a longer value would fail in the silo with a less useful message.
const MAX_HANDLER = 50;
const MAX_WINDOW = 32;

/** Checks that need no case: run before any SQL. Returns the request with blank text as null. */
export function checkAdvanceRequest(request: AdvanceRequest): AdvanceRequest {
  const fail = (argument: string, value: unknown, rule: string, message: string) =>
    new BadUserInputError(`${argument}: ${message}`, { argument, value, rule });
  if (request.to === UNRECOGNIZED) throw fail("to", request.to, "status", "UNRECOGNIZED is not a status a case can be moved to");
  if (request.result === UNRECOGNIZED) throw fail("result", request.result, "result", "UNRECOGNIZED is not a result a case can be given");
  if (request.result !== null && request.to !== "COMPLETED") {
    throw fail("result", request.result, "result-only-on-completion", `a result (${CaseResult.label(request.result)}) is given only on the way to 办结 (COMPLETED), not to ${describeStatus(request.to)}`);
  }
  const handler = blankToNull(request.handler);
  if (handler !== null && handler.length > MAX_HANDLER) throw fail("handler", handler, "length", `has ${handler.length} characters; at most ${MAX_HANDLER}`);
  if (request.window !== null && request.window.length > MAX_WINDOW) {
    throw fail("window", request.window, "length", `the calling window's id (x-window-id) "${request.window}" has ${request.window.length} characters; at most ${MAX_WINDOW}`);
  }
  return { ...request, handler, opinion: blankToNull(request.opinion) };
}

/** The change a legal transition makes; BAD_USER_INPUT naming the case and the allowed moves otherwise. */
export function planAdvance(locked: LockedCase, request: AdvanceRequest, now: Date, calendar: WorkingCalendar): CaseChange {
  const allowed = allowedTransitions({ status: locked.status, matterKind: locked.matterKind, pausedFrom: locked.pause?.pausedFrom ?? null });
  const to = request.to as KnownStatus; // checkAdvanceRequest refused UNRECOGNIZED
  if (!allowed.includes(to)) throw refusal(locked, to, allowed);

  const detail = { argument: "to", caseNumber: locked.number, status: locked.status, requested: to };
  if (to === "COMPLETED" && request.result === null) {
    throw new BadUserInputError(`advanceCase: case ${locked.number} goes to 办结 (COMPLETED) only with a result: APPROVED (准予许可) or DENIED (不予许可)`, { ...detail, argument: "result", rule: "result-required" });
  }
  const opinionRequired = to === "NOT_ACCEPTED" ? "不予受理 (NOT_ACCEPTED)" : to === "COMPLETED" && request.result === "DENIED" ? "办结 with 不予许可 (COMPLETED, DENIED)" : null;
  if (opinionRequired && request.opinion === null) {
    // The applicant is owed the reasons for a refusal (行政许可法 §32, §38).
    throw new BadUserInputError(`advanceCase: case ${locked.number} goes to ${opinionRequired} only with an opinion stating the reasons`, { ...detail, argument: "opinion", rule: "opinion-required" });
  }

  let promisedBy = locked.promisedBy;
  let opinion = request.opinion;
  if (locked.status === "SPECIAL_PROCEDURE" && locked.pause) {
    const resumed = resume(locked.pause, locked.promisedBy, now, calendar);
    promisedBy = resumed.promisedBy;
    opinion = opinion === null ? resumed.note : `${opinion}；${resumed.note}`;
  }
  return {
    status: to,
    at: now,
    promisedBy,
    completedAt: to === "COMPLETED" ? now : locked.completedAt,
    result: to === "COMPLETED" ? request.result : locked.result,
    event: { window: request.window, handler: request.handler, opinion },
  };
}

/**
 * 特别程序 does not count against the time limit: leaving it moves the promised completion
 * time later by the working days spent in it (those after the day it paused, up to the day
 * it resumed — the same counting as the limit itself). The note keeps the arithmetic in
 * the timeline, where a supervisor can check it.
 */
export function resume(pause: PauseFacts, promisedBy: Date | null, now: Date, calendar: WorkingCalendar): { promisedBy: Date | null; days: number; note: string } {
  const days = calendar.workingDaysBetween(pause.pausedAt, now);
  const moved = promisedBy !== null && days > 0 ? calendar.deadline(promisedBy, days) : promisedBy;
  const span = `特别程序 ${formatChinaDay(pause.pausedAt)} 至 ${formatChinaDay(now)}，计 ${days} 个工作日`;
  const effect =
    promisedBy === null ? "无承诺办结时间"
    : moved === promisedBy ? "承诺办结时间不变"
    : `承诺办结时间由 ${formatChinaDay(promisedBy)} 顺延至 ${formatChinaDay(moved!)}`;
  return { promisedBy: moved, days, note: `${span}，${effect}` };
}

// Private: the refusal names the case, where it is, where it asked to go, and where it may go.
function refusal(locked: LockedCase, to: KnownStatus, allowed: KnownStatus[]): BadUserInputError {
  const where = `advanceCase: case ${locked.number} is ${describeStatus(locked.status)} and cannot go to ${describeStatus(to)}`;
  let why: string;
  if (allowed.length > 0) why = `allowed from here: ${allowed.map(describeStatus).join(", ")}`;
  else if (locked.status === "COMPLETED" || locked.status === "NOT_ACCEPTED") why = `${describeStatus(locked.status)} is final`;
  else if (locked.status === "SPECIAL_PROCEDURE") why = "its timeline does not show which status it paused from, the only one it may return to";
  else why = "its status is not in the code table, so no transition is defined from it";
  const hint = locked.status === "ACCEPTED" && to === "COMPLETED" ? " (办结 straight from 受理 is for 即办件 only; this matter is not one)" : "";
  return new BadUserInputError(`${where}; ${why}${hint}`, {
    argument: "to",
    rule: "transition",
    caseNumber: locked.number,
    status: locked.status,
    requested: to,
    allowed,
  });
}

function blankToNull(text: string | null): string | null {
  const trimmed = text?.trim();
  return trimmed ? trimmed : null;
}
