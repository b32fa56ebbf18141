// 时限监察: whether a case is overdue and how many working days it has left, derived from
// the promise, the status and the clock at read time — never stored, so never stale.
import type { WorkingCalendar } from "@onceonly/shared";
import type { CaseStatusValue } from "../source/records.js";
import { isFinished } from "./transitions.js";

export interface TimeLimitFacts {
  status: CaseStatusValue | null;
  promisedBy: Date | null;
  completedAt: Date | null;
  /** When its current stay in 特别程序 began; only looked at while it is there. */
  pausedAt: Date | null;
}

/** The clock stands still in 特别程序 (行政许可法 §45: that time is not counted). */
export function isClockPaused(status: CaseStatusValue | null): boolean {
  return status === "SPECIAL_PROCEDURE";
}

/**
 * Not finished and past its promise (never while paused); or finished after it. A
 * status outside the code table counts as not finished: flagging a case that may be done
 * is the safer mistake for a supervisor than hiding one that is late.
 */
export function isOverdue(facts: TimeLimitFacts, now: Date): boolean {
  if (facts.promisedBy === null) return false;
  if (isFinished(facts.status)) return facts.completedAt !== null && facts.completedAt > facts.promisedBy;
  if (isClockPaused(facts.status)) return false;
  return now > facts.promisedBy;
}

/**
 * Working days from now to the promise: 0 on its last day, negative once past it (the
 * first day late is -1 even on a weekend, so the sign alone tells overdue). Frozen at the
 * moment of the pause while in 特别程序; null when finished or nothing was promised.
 */
export function workingDaysLeft(facts: TimeLimitFacts, now: Date, calendar: WorkingCalendar): number | null {
  if (facts.promisedBy === null || isFinished(facts.status)) return null;
  const at = isClockPaused(facts.status) ? (facts.pausedAt ?? now) : now;
  if (at <= facts.promisedBy) return calendar.workingDaysBetween(at, facts.promisedBy);
  return -Math.max(1, calendar.workingDaysBetween(facts.promisedBy, at));
}
