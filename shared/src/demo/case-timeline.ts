// When a case was accepted, promised and closed, and the process rows (sp_bjgc) that led
// to its status. Time limits run in working days from acceptance; open cases were
// accepted in the last weeks. Cases on the clock (受理, 承办, 审核, 退回补正) are still
// within their promised time on the reference day (a clean demo has no CASE_OVERDUE
// finding): those of promised matters are due after it, 即办件 returned for correction
// were accepted on it. Only 特别程序 cases, whose clock is paused, may be past it.
import { CaseResult, CaseStatus, Evaluation } from "../codes/case.js";
import { addWorkingDays, isWorkingDay, nextWorkingDay, timestamp } from "./dates.js";
import type { DemoMatter } from "./matters.js";
import { REFERENCE_DAY as REF } from "./persons.js";
import { Weighted, type Rng } from "./prng.js";

export type CaseStatusValue = (typeof CaseStatus.entries)[number]["value"];

const PROMISED_STATUSES = new Weighted<CaseStatusValue>([
  ["COMPLETED", 64], ["ACCEPTED", 6], ["PROCESSING", 8], ["REVIEWING", 6], ["NOT_ACCEPTED", 4], ["RETURNED_FOR_CORRECTION", 7], ["SPECIAL_PROCEDURE", 5],
]);
const IMMEDIATE_STATUSES = new Weighted<CaseStatusValue>([["COMPLETED", 88], ["NOT_ACCEPTED", 6], ["RETURNED_FOR_CORRECTION", 6]]);
const EVALUATIONS = new Weighted<string | null>([
  [Evaluation.encode("VERY_SATISFIED"), 70], [Evaluation.encode("SATISFIED"), 18], [Evaluation.encode("BASICALLY_SATISFIED"), 6],
  [Evaluation.encode("DISSATISFIED"), 2.5], [Evaluation.encode("VERY_DISSATISFIED"), 1], [null, 2.5],
]);

/** Which statuses a case passed through on its way to its current one. */
const PATH: Record<CaseStatusValue, CaseStatusValue[]> = {
  ACCEPTED: ["ACCEPTED"],
  PROCESSING: ["ACCEPTED", "PROCESSING"],
  REVIEWING: ["ACCEPTED", "PROCESSING", "REVIEWING"],
  COMPLETED: ["ACCEPTED", "PROCESSING", "REVIEWING", "COMPLETED"],
  NOT_ACCEPTED: ["NOT_ACCEPTED"],
  RETURNED_FOR_CORRECTION: ["ACCEPTED", "PROCESSING", "RETURNED_FOR_CORRECTION"],
  SPECIAL_PROCEDURE: ["ACCEPTED", "PROCESSING", "SPECIAL_PROCEDURE"],
};

export interface CaseTiming {
  status: CaseStatusValue;
  acceptedDay: number;
  accepted: string;
  promised: string;
  completed: string | null;
  result: string | null;
  evaluation: string | null;
  /** [status code, timestamp] in order. */
  steps: [string, string][];
}

export function pickStatus(rng: Rng, matter: DemoMatter): CaseStatusValue {
  return (matter.kind === "IMMEDIATE" ? IMMEDIATE_STATUSES : PROMISED_STATUSES).pick(rng);
}

/**
 * `closedOn`: the day the case must have been completed (the licence it produced was
 * issued then); such cases, like `approved` ones, end in approval.
 */
export function caseTiming(rng: Rng, matter: DemoMatter, status: CaseStatusValue, closedOn?: number, approved = closedOn !== undefined): CaseTiming {
  const closed = status === "COMPLETED" || status === "NOT_ACCEPTED";
  const promisedDays = matter.promisedDays;
  let day = closed ? nextWorkingDay(REF - rng.int(45, 3 * 365)) : REF - rng.int(0, 35);
  while (!isWorkingDay(day)) day--;
  if (!closed && status !== "SPECIAL_PROCEDURE") day = withinPromise(day, promisedDays);
  let doneAfter = promisedDays === 0 ? 0 : rng.chance(0.04) ? promisedDays + rng.int(1, 5) : rng.int(0, promisedDays);
  if (closedOn !== undefined) {
    day = closedOn;
    while (!isWorkingDay(day)) day--;
    doneAfter = 0;
  }
  const acceptSec = rng.int(30600, 59400);
  const start = day * 86400 + acceptSec;
  let end: number;
  if (status === "COMPLETED") {
    const doneDay = addWorkingDays(day, doneAfter);
    end = doneDay === day ? start + rng.int(600, 3600) : doneDay * 86400 + rng.int(32400, 63000);
  } else if (status === "NOT_ACCEPTED") end = start + rng.int(300, 1800);
  else end = Math.max(start + 600, REF * 86400 + rng.int(32400, 61200));
  const path = matter.kind === "IMMEDIATE" ? PATH[status].filter((s) => s !== "PROCESSING" && s !== "REVIEWING") : PATH[status];
  const steps: [string, string][] = [];
  let previous = start;
  path.forEach((s, i) => {
    const at = i === 0 ? start : i === path.length - 1 && closed ? end : stepTime(rng, start, end, i / path.length, previous);
    steps.push([CaseStatus.encode(s), ts(at)]);
    previous = at;
  });
  return {
    status,
    acceptedDay: day,
    accepted: ts(start),
    promised: timestamp(addWorkingDays(day, promisedDays), 63000),
    completed: closed ? ts(end) : null,
    result: status === "COMPLETED" ? CaseResult.encode(approved || rng.chance(0.95) ? "APPROVED" : "DENIED") : null,
    evaluation: status === "COMPLETED" || (status === "NOT_ACCEPTED" && rng.chance(0.4)) ? EVALUATIONS.pick(rng) : null,
    steps,
  };
}

const earliest = new Map<number, number>();

/**
 * The acceptance day moved into the window whose promise is not yet past on the
 * reference day (a Friday, so a working day): due after it, or for a 即办件 (promised the
 * same day) accepted on it. The drawn offset is scaled, not redrawn: the stream of draws,
 * and so every other value, is unchanged.
 */
function withinPromise(day: number, promisedDays: number): number {
  let first = earliest.get(promisedDays);
  if (first === undefined) {
    first = REF;
    while (promisedDays > 0 && addWorkingDays(first - 1, promisedDays) > REF) first--;
    while (!isWorkingDay(first)) first++;
    earliest.set(promisedDays, first);
  }
  if (day >= first) return day;
  let moved = REF - Math.floor(((REF - day) * (REF - first)) / 37);
  while (moved < first || !isWorkingDay(moved)) moved++;
  return moved;
}

/** A step during office hours on a working day, between the previous step and the end. */
function stepTime(rng: Rng, start: number, end: number, fraction: number, previous: number): number {
  let day = Math.floor((start + (end - start) * fraction) / 86400);
  while (!isWorkingDay(day)) day--;
  const at = day * 86400 + rng.int(32400, 63000);
  return at > previous && at < end ? at : Math.min(previous + rng.int(60, 1800), end - 1);
}

function ts(seconds: number): string {
  return timestamp(Math.floor(seconds / 86400), seconds % 86400);
}

const OPINIONS: Record<string, string> = {
  [CaseStatus.encode("ACCEPTED")]: "材料齐全，符合法定形式，予以受理",
  [CaseStatus.encode("PROCESSING")]: "已承办，进行实质审查",
  [CaseStatus.encode("REVIEWING")]: "审查通过，提交审核",
  [CaseStatus.encode("NOT_ACCEPTED")]: "申请事项不属于本机关受理范围，不予受理",
  [CaseStatus.encode("RETURNED_FOR_CORRECTION")]: "材料不齐全，退回补正：请补充",
  [CaseStatus.encode("SPECIAL_PROCEDURE")]: "需现场核查，进入特别程序（不计入办理时限）",
};

export function opinion(status: string, result: string | null, missing: string): string {
  if (status === CaseStatus.encode("COMPLETED")) return result === CaseResult.encode("DENIED") ? "不符合法定条件，不予许可" : "准予许可，办结";
  const text = OPINIONS[status];
  return status === CaseStatus.encode("RETURNED_FOR_CORRECTION") ? `${text}${missing}` : text;
}
