// The lifecycle rules without a silo: the whole transition table, where 特别程序 returns
// to, what a transition needs and changes, and the derived time-limit fields.
import { BadUserInputError, CaseStatus, loadWorkingCalendar } from "@onceonly/shared";
import { describe, expect, it } from "vitest";
import { checkAdvanceRequest, planAdvance, resume, type AdvanceRequest, type LockedCase } from "../src/lifecycle/advance.js";
import { checkEvaluationRequest, planEvaluation } from "../src/lifecycle/evaluation.js";
import { isOverdue, workingDaysLeft } from "../src/lifecycle/time-limit.js";
import { allowedTransitions, pauseOf, type KnownStatus } from "../src/lifecycle/transitions.js";
import type { CaseStatusValue, MatterKindValue } from "../src/source/records.js";

const calendar = loadWorkingCalendar(null);
const bj = (local: string) => new Date(`${local}+08:00`);
const STATUSES = CaseStatus.entries.map((e) => e.value);

// The table, written out independently of the code's.
const EXPECTED: Record<KnownStatus, KnownStatus[]> = {
  ACCEPTED: ["PROCESSING", "NOT_ACCEPTED", "RETURNED_FOR_CORRECTION", "SPECIAL_PROCEDURE"],
  RETURNED_FOR_CORRECTION: ["ACCEPTED", "NOT_ACCEPTED"],
  PROCESSING: ["REVIEWING", "SPECIAL_PROCEDURE"],
  REVIEWING: ["COMPLETED", "PROCESSING", "SPECIAL_PROCEDURE"],
  SPECIAL_PROCEDURE: [],
  COMPLETED: [],
  NOT_ACCEPTED: [],
};

describe("allowedTransitions", () => {
  const kinds: (MatterKindValue | null)[] = ["IMMEDIATE", "PROMISED", "UNRECOGNIZED", null];
  for (const from of STATUSES) {
    for (const kind of kinds) {
      it(`from ${from} (${kind} matter): exactly the table's moves`, () => {
        const expected = new Set(EXPECTED[from]);
        if (from === "ACCEPTED" && kind === "IMMEDIATE") expected.add("COMPLETED"); // 即办件
        const allowed = allowedTransitions({ status: from, matterKind: kind, pausedFrom: null });
        for (const to of STATUSES) expect(allowed.includes(to), `${from} → ${to}`).toBe(expected.has(to));
      });
    }
  }

  it("from 特别程序: back to the status it paused from, and only there", () => {
    for (const pausedFrom of STATUSES) {
      const allowed = allowedTransitions({ status: "SPECIAL_PROCEDURE", matterKind: "PROMISED", pausedFrom });
      const canPause = ["ACCEPTED", "PROCESSING", "REVIEWING"].includes(pausedFrom);
      expect(allowed, pausedFrom).toEqual(canPause ? [pausedFrom] : []);
    }
    expect(allowedTransitions({ status: "SPECIAL_PROCEDURE", matterKind: "PROMISED", pausedFrom: null })).toEqual([]);
  });

  it("from a status outside the code table, or none: nothing", () => {
    expect(allowedTransitions({ status: "UNRECOGNIZED", matterKind: "IMMEDIATE", pausedFrom: "PROCESSING" })).toEqual([]);
    expect(allowedTransitions({ status: null, matterKind: "IMMEDIATE", pausedFrom: null })).toEqual([]);
  });
});

describe("pauseOf", () => {
  const t = (h: number) => new Date(Date.UTC(2026, 2, 2, h));
  it("finds the latest stay in 特别程序 and the status before it", () => {
    expect(pauseOf([{ status: "ACCEPTED", at: t(1) }, { status: "PROCESSING", at: t(2) }, { status: "SPECIAL_PROCEDURE", at: t(3) }])).toEqual({
      pausedAt: t(3),
      pausedFrom: "PROCESSING",
    });
    // paused twice: the latest stay counts; repeated entries in a row are one stay
    const twice: { status: CaseStatusValue; at: Date }[] = [
      { status: "ACCEPTED", at: t(1) }, { status: "SPECIAL_PROCEDURE", at: t(2) }, { status: "ACCEPTED", at: t(3) },
      { status: "PROCESSING", at: t(4) }, { status: "REVIEWING", at: t(5) }, { status: "SPECIAL_PROCEDURE", at: t(6) }, { status: "SPECIAL_PROCEDURE", at: t(7) },
    ];
    expect(pauseOf(twice)).toEqual({ pausedAt: t(6), pausedFrom: "REVIEWING" });
  });

  it("knows no origin when the timeline starts in 特别程序, and no pause when it never enters it", () => {
    expect(pauseOf([{ status: "SPECIAL_PROCEDURE", at: t(1) }])).toEqual({ pausedAt: t(1), pausedFrom: null });
    expect(pauseOf([{ status: "ACCEPTED", at: t(1) }])).toBeNull();
    expect(pauseOf([])).toBeNull();
  });
});

describe("planAdvance", () => {
  const now = bj("2026-03-10T10:00:00");
  const locked = (over: Partial<LockedCase> = {}): LockedCase => ({
    number: "BJ1", status: "REVIEWING", matterKind: "PROMISED", promisedBy: bj("2026-03-13T23:59:59.999"), completedAt: null, result: null, pause: null, ...over,
  });
  const request = (over: Partial<AdvanceRequest> = {}): AdvanceRequest => ({ to: "COMPLETED", opinion: null, result: null, handler: null, window: "W1", ...over });
  const refusal = (fn: () => unknown) => {
    try {
      fn();
    } catch (error) {
      expect(error).toBeInstanceOf(BadUserInputError);
      return error as BadUserInputError;
    }
    throw new Error("expected a refusal");
  };

  it("completes with a result and the completion time", () => {
    expect(planAdvance(locked(), request({ result: "APPROVED" }), now, calendar)).toEqual({
      status: "COMPLETED", at: now, promisedBy: locked().promisedBy, completedAt: now, result: "APPROVED",
      event: { window: "W1", handler: null, opinion: null },
    });
  });

  it("refuses 办结 without a result, 不予受理 or 不予许可 without an opinion", () => {
    expect(refusal(() => planAdvance(locked(), request(), now, calendar)).extensions).toMatchObject({ rule: "result-required", argument: "result" });
    expect(refusal(() => planAdvance(locked(), request({ result: "DENIED" }), now, calendar)).extensions).toMatchObject({ rule: "opinion-required" });
    expect(planAdvance(locked(), request({ result: "DENIED", opinion: "不符合条件" }), now, calendar).result).toBe("DENIED");
    expect(refusal(() => planAdvance(locked({ status: "ACCEPTED" }), request({ to: "NOT_ACCEPTED" }), now, calendar)).message).toMatch(/不予受理 \(NOT_ACCEPTED\) only with an opinion/);
  });

  it("names the case, its status, the requested one and the allowed ones", () => {
    const error = refusal(() => planAdvance(locked({ status: "ACCEPTED" }), request({ to: "COMPLETED", result: "APPROVED" }), now, calendar));
    expect(error.message).toBe(
      "advanceCase: case BJ1 is 受理 (ACCEPTED) and cannot go to 办结 (COMPLETED); allowed from here: 承办 (PROCESSING), 不予受理 (NOT_ACCEPTED), " +
        "退回补正 (RETURNED_FOR_CORRECTION), 特别程序 (SPECIAL_PROCEDURE) (办结 straight from 受理 is for 即办件 only; this matter is not one)",
    );
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "transition", caseNumber: "BJ1", status: "ACCEPTED", requested: "COMPLETED" });
    expect(refusal(() => planAdvance(locked({ status: "COMPLETED" }), request({ to: "PROCESSING" }), now, calendar)).message).toMatch(/办结 \(COMPLETED\) is final$/);
  });

  it("moves the promise later by the working days spent in 特别程序, and says so in the opinion", () => {
    const pause = { pausedAt: bj("2026-10-09T10:00:00"), pausedFrom: "PROCESSING" as const };
    const promisedBy = bj("2026-10-13T23:59:59.999");
    const change = planAdvance(locked({ status: "SPECIAL_PROCEDURE", promisedBy, pause }), request({ to: "PROCESSING", opinion: "鉴定完成" }), bj("2026-10-15T15:00:00"), calendar);
    // Oct 10 (调休 Saturday), 12, 13, 14, 15: five working days; Oct 13 + 5 = Oct 20
    expect(change.promisedBy).toEqual(bj("2026-10-20T23:59:59.999"));
    expect(change.event.opinion).toBe("鉴定完成；特别程序 2026-10-09 至 2026-10-15，计 5 个工作日，承诺办结时间由 2026-10-13 顺延至 2026-10-20");
  });

  it("leaves the promise alone after a pause within one day, or when there is none", () => {
    const pause = { pausedAt: bj("2026-10-09T10:00:00"), pausedFrom: "PROCESSING" as const };
    expect(resume(pause, bj("2026-10-13T23:59:59.999"), bj("2026-10-09T17:00:00"), calendar)).toMatchObject({ days: 0, note: expect.stringMatching(/承诺办结时间不变$/) });
    expect(resume(pause, null, bj("2026-10-12T17:00:00"), calendar)).toMatchObject({ promisedBy: null, days: 2, note: expect.stringMatching(/无承诺办结时间$/) });
  });
});

describe("checkAdvanceRequest", () => {
  const base: AdvanceRequest = { to: "PROCESSING", opinion: null, result: null, handler: null, window: null };
  it("refuses UNRECOGNIZED, a result on the way elsewhere than 办结, and over-long names", () => {
    expect(() => checkAdvanceRequest({ ...base, to: "UNRECOGNIZED" })).toThrow(/to: UNRECOGNIZED is not a status/);
    expect(() => checkAdvanceRequest({ ...base, to: "COMPLETED", result: "UNRECOGNIZED" })).toThrow(/result: UNRECOGNIZED/);
    expect(() => checkAdvanceRequest({ ...base, result: "APPROVED" })).toThrow(/only on the way to 办结 \(COMPLETED\), not to 承办 \(PROCESSING\)/);
    expect(() => checkAdvanceRequest({ ...base, handler: "张".repeat(51) })).toThrow(/handler: has 51 characters; at most 50/);
    expect(() => checkAdvanceRequest({ ...base, window: "W".repeat(33) })).toThrow(/x-window-id/);
  });

  it("reads blank text as none", () => {
    expect(checkAdvanceRequest({ ...base, opinion: "  ", handler: " 陈静 " })).toMatchObject({ opinion: null, handler: "陈静" });
  });
});

describe("evaluation rules", () => {
  const now = bj("2026-03-10T10:00:00");
  it("only once a case is decided, only once", () => {
    const state = { number: "BJ1", status: "COMPLETED" as const, evaluation: null, evaluatedAt: null };
    expect(planEvaluation(state, { evaluation: "SATISFIED", comment: "快" }, now)).toEqual({ evaluation: "SATISFIED", at: now, comment: "快" });
    expect(planEvaluation({ ...state, status: "NOT_ACCEPTED" }, { evaluation: "DISSATISFIED", comment: null }, now).evaluation).toBe("DISSATISFIED");
    expect(() => planEvaluation({ ...state, status: "REVIEWING" }, { evaluation: "SATISFIED", comment: null }, now)).toThrow(/case BJ1 is 审核 \(REVIEWING\); 好差评 is given once the case is/);
    expect(() => planEvaluation({ ...state, evaluation: "VERY_SATISFIED", evaluatedAt: now }, { evaluation: "SATISFIED", comment: null }, now)).toThrow(
      /already evaluated 非常满意 \(VERY_SATISFIED\) at 2026-03-10T02:00:00.000Z; 好差评 is given once/,
    );
    expect(() => checkEvaluationRequest({ evaluation: "UNRECOGNIZED", comment: null })).toThrow(/five 好差评 levels/);
  });
});

describe("time limits", () => {
  const promisedBy = bj("2026-03-13T23:59:59.999"); // a Friday
  const open = { status: "PROCESSING" as const, promisedBy, completedAt: null, pausedAt: null };
  it.each([
    ["2026-03-12T10:00:00", false, 1],
    ["2026-03-13T23:00:00", false, 0],
    ["2026-03-14T09:00:00", true, -1], // Saturday: late already, by the first day
    ["2026-03-16T09:00:00", true, -1],
    ["2026-03-17T09:00:00", true, -2],
  ])("at %s: overdue %s, %i working days left", (now, overdue, left) => {
    expect(isOverdue(open, bj(now))).toBe(overdue);
    expect(workingDaysLeft(open, bj(now), calendar)).toBe(left);
  });

  it("stand still in 特别程序 and end with the case", () => {
    const paused = { ...open, status: "SPECIAL_PROCEDURE" as const, pausedAt: bj("2026-03-11T10:00:00") };
    expect(isOverdue(paused, bj("2026-04-30T10:00:00"))).toBe(false);
    expect(workingDaysLeft(paused, bj("2026-04-30T10:00:00"), calendar)).toBe(2);
    const late = { ...open, status: "COMPLETED" as const, completedAt: bj("2026-03-16T09:00:00") };
    expect(isOverdue(late, bj("2026-03-10T00:00:00"))).toBe(true);
    expect(workingDaysLeft(late, bj("2026-03-10T00:00:00"), calendar)).toBeNull();
    expect(isOverdue({ ...late, completedAt: bj("2026-03-13T18:00:00") }, bj("2027-01-01T00:00:00"))).toBe(false);
    expect(isOverdue({ ...open, promisedBy: null }, bj("2027-01-01T00:00:00"))).toBe(false);
    expect(workingDaysLeft({ ...open, promisedBy: null }, bj("2027-01-01T00:00:00"), calendar)).toBeNull();
  });
});
