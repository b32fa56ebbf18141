// advanceCase against a real silo, on both engines: every pair (from, to) of the status
// table — legal ones land in sp_bj and the timeline, illegal ones are refused naming the
// allowed moves and change nothing — plus the argument rules, unknown cases, and two
// windows advancing the same case at once.
import { CaseStatus } from "@onceonly/shared";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { ENGINES } from "../../../test/support/silos.js";
import { dataOf } from "./harness.js";
import { ADVANCE, bj, errorOf, lifecycleFixtures, openLifecycleHarness, type LifecycleCase, type LifecycleHarness } from "./lifecycle-support.js";

const TO = CaseStatus.entries.map((e) => e.value);
type To = (typeof TO)[number];
const code = (status: To) => CaseStatus.encode(status);
const label = (status: string) => `${CaseStatus.label(status as To)} (${status})`;

// Where each fixture case starts, and where the issue says it may go (written out by hand).
const STARTS: { key: string; path: (string | null)[]; zt?: string | null; matter?: string; from: string | null; allowed: To[] }[] = [
  { key: "AI", path: ["01"], matter: "HYDJ-001", from: "ACCEPTED", allowed: ["PROCESSING", "NOT_ACCEPTED", "RETURNED_FOR_CORRECTION", "SPECIAL_PROCEDURE", "COMPLETED"] },
  { key: "AP", path: ["01"], from: "ACCEPTED", allowed: ["PROCESSING", "NOT_ACCEPTED", "RETURNED_FOR_CORRECTION", "SPECIAL_PROCEDURE"] },
  { key: "RC", path: ["01", "06"], from: "RETURNED_FOR_CORRECTION", allowed: ["ACCEPTED", "NOT_ACCEPTED"] },
  { key: "PR", path: ["01", "02"], from: "PROCESSING", allowed: ["REVIEWING", "SPECIAL_PROCEDURE"] },
  { key: "RV", path: ["01", "02", "03"], from: "REVIEWING", allowed: ["COMPLETED", "PROCESSING", "SPECIAL_PROCEDURE"] },
  { key: "SA", path: ["01", "07"], from: "SPECIAL_PROCEDURE", allowed: ["ACCEPTED"] },
  { key: "SP", path: ["01", "02", "07"], from: "SPECIAL_PROCEDURE", allowed: ["PROCESSING"] },
  { key: "SR", path: ["01", "02", "03", "07"], from: "SPECIAL_PROCEDURE", allowed: ["REVIEWING"] },
  { key: "SX", path: [], zt: "07", from: "SPECIAL_PROCEDURE", allowed: [] }, // legacy: no timeline to return by
  { key: "CO", path: ["01", "02", "03", "04"], from: "COMPLETED", allowed: [] },
  { key: "NA", path: ["01", "05"], from: "NOT_ACCEPTED", allowed: [] },
  { key: "UN", path: ["01"], zt: "99", from: "UNRECOGNIZED", allowed: [] },
  { key: "NO", path: [], zt: null, from: null, allowed: [] },
];

const ACCEPTED_AT = bj("2026-03-02T09:00:00");
const NOW = bj("2026-03-20T10:00:00");
const number = (key: string, to: To) => `MX-${key}-${code(to)}`;

const matrixCases: LifecycleCase[] = STARTS.flatMap((s) =>
  TO.map((to) => ({ number: number(s.key, to), matter: s.matter ?? "BDCDJ-001", path: s.path, zt: s.zt, accepted: ACCEPTED_AT, limit: 10 })),
);
const raceCases: LifecycleCase[] = Array.from({ length: 8 }, (_, i) => ({ number: `RACE-${i}`, matter: "BDCDJ-001", path: ["01"], accepted: ACCEPTED_AT, limit: 10 }));
const otherCases: LifecycleCase[] = [
  { number: "ARG-1", matter: "BDCDJ-001", path: ["01", "02", "03"], accepted: ACCEPTED_AT, limit: 10 },
  { number: "ARG-2", matter: "BDCDJ-001", path: ["01"], accepted: ACCEPTED_AT, limit: 10 },
];

// What a legal move needs besides `to`.
const argsFor = (to: To) =>
  to === "COMPLETED" ? { result: "APPROVED", opinion: "准予许可" } : to === "NOT_ACCEPTED" ? { opinion: "不属于本机关职权范围" } : { opinion: "同意" };

describe.each(ENGINES)("advanceCase on %s", (engine) => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await openLifecycleHarness(engine, [lifecycleFixtures([...matrixCases, ...raceCases, ...otherCases])]);
  });
  afterAll(() => h?.dispose());

  const pairs = STARTS.flatMap((s) => TO.map((to) => [s.key, s.from, to, s.allowed.includes(to)] as const));

  test.each(pairs.filter(([, , , legal]) => legal))("%s: %s → %s is allowed and lands in the silo and the timeline", async (key, _from, to) => {
    const n = number(key, to);
    const before = await h.snapshot(n);
    const { advanceCase: c } = dataOf(await h.runAt(NOW, ADVANCE, { number: n, to, handler: "测试员", ...argsFor(to) }));
    expect(c.status).toBe(to);
    expect(c.completedAt).toBe(to === "COMPLETED" ? NOW.toISOString() : null);
    expect(c.result).toBe(to === "COMPLETED" ? "APPROVED" : null);
    expect(c.timeline.at(-1)).toMatchObject({ status: to, at: NOW.toISOString(), window: "综合窗口5", handler: "测试员", opinion: expect.stringContaining(argsFor(to).opinion) });
    expect(c.timeline).toHaveLength(before.events + 1);
    expect(await h.snapshot(n)).toEqual({ zt: code(to), gxsj: NOW.toISOString(), events: before.events + 1 });
  });

  test.each(pairs.filter(([, , , legal]) => !legal))("%s: %s → %s is refused, naming the allowed moves, and changes nothing", async (key, from, to) => {
    const n = number(key, to);
    const before = await h.snapshot(n);
    const { message, extensions } = errorOf(await h.runAt(NOW, ADVANCE, { number: n, to, ...argsFor(to) }));
    expect(extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "transition", caseNumber: n, status: from, requested: to });
    const allowed = STARTS.find((s) => s.key === key)!.allowed;
    expect([...extensions.allowed].sort()).toEqual([...allowed].sort());
    expect(message).toContain(`case ${n} is ${from === null ? "no status (null)" : label(from)} and cannot go to ${label(to)}`);
    for (const a of allowed) expect(message).toContain(label(a));
    expect(await h.snapshot(n)).toEqual(before);
  });

  test("refuses what a transition lacks or must not carry, before or without writing", async () => {
    const before = await h.snapshot("ARG-1");
    const cases = [
      [{ to: "COMPLETED" }, "result-required"],
      [{ to: "COMPLETED", result: "DENIED" }, "opinion-required"],
      [{ to: "COMPLETED", result: "DENIED", opinion: "   " }, "opinion-required"],
      [{ to: "PROCESSING", result: "APPROVED" }, "result-only-on-completion"],
      [{ to: "UNRECOGNIZED" }, "status"],
      [{ to: "PROCESSING", handler: "处".repeat(51) }, "length"],
    ] as const;
    for (const [args, rule] of cases) {
      const { extensions } = errorOf(await h.runAt(NOW, ADVANCE, { number: "ARG-1", ...args }));
      expect(extensions, JSON.stringify(args)).toMatchObject({ code: "BAD_USER_INPUT", rule });
    }
    const { extensions } = errorOf(await h.runAt(NOW, ADVANCE, { number: "ARG-2", to: "NOT_ACCEPTED" }));
    expect(extensions).toMatchObject({ rule: "opinion-required", argument: "opinion" });
    expect(await h.snapshot("ARG-1")).toEqual(before);
  });

  test("a denial with its reasons completes the case; no window is recorded when none called", async () => {
    const { advanceCase: c } = dataOf(await h.runAt(NOW, ADVANCE, { number: "ARG-1", to: "COMPLETED", result: "DENIED", opinion: "材料不实" }, null));
    expect(c).toMatchObject({ status: "COMPLETED", result: "DENIED", completedAt: NOW.toISOString() });
    expect(c.timeline.at(-1)).toEqual({ status: "COMPLETED", at: NOW.toISOString(), window: null, handler: null, opinion: "材料不实" });
  });

  test("an unknown case is NOT_FOUND, naming it; a malformed number is refused before any SQL", async () => {
    const { message, extensions } = errorOf(await h.runAt(NOW, ADVANCE, { number: "BJ-NO-SUCH", to: "PROCESSING" }));
    expect(message).toBe('advanceCase: no case numbered "BJ-NO-SUCH"');
    expect(extensions).toMatchObject({ code: "NOT_FOUND", value: "BJ-NO-SUCH" });
    expect(errorOf(await h.runAt(NOW, ADVANCE, { number: "BJ 1; --", to: "PROCESSING" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "charset" });
  });

  test("two windows advancing one case at once: exactly one wins, the other is judged on the winner's status", async () => {
    for (let i = 0; i < raceCases.length; i++) {
      const n = `RACE-${i}`;
      // Half the races ask for the same move, half for different ones.
      const second = i % 2 === 0 ? { to: "PROCESSING" } : { to: "NOT_ACCEPTED", opinion: "不予受理" };
      const results = await Promise.all([
        h.runAt(NOW, ADVANCE, { number: n, to: "PROCESSING" }, "窗口A"),
        h.runAt(NOW, ADVANCE, { number: n, ...second }, "窗口B"),
      ]);
      const won = results.filter((r) => !r.errors);
      expect(won, n).toHaveLength(1);
      const winner = (won[0].data as any).advanceCase.status as string;
      const lost = errorOf(results.find((r) => r.errors)!);
      expect(lost.extensions).toMatchObject({ rule: "transition", status: winner });
      expect(await h.snapshot(n)).toMatchObject({ zt: CaseStatus.encode(winner as To), events: 2 });
    }
  });
});
