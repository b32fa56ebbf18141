// Time limits against a real silo, on both engines, with a clock the test moves:
// 特别程序 stops the clock and moves promisedBy on resume; overdue and workingDaysLeft are
// derived at read time, batched with no statement of their own.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { dataOf } from "./harness.js";
import { ADVANCE, bj, errorOf, lifecycleFixtures, openLifecycleHarness, type LifecycleHarness } from "./lifecycle-support.js";

const CLOCK = "number status promisedBy overdue workingDaysLeft clockPaused";
const read = (h: LifecycleHarness, now: Date, number: string) =>
  h.runAt(now, `query($n: ID!) { case(number: $n) { ${CLOCK} } }`, { n: number }).then((r) => dataOf(r).case);

const fixtures = lifecycleFixtures([
  // Accepted the day before 国庆 2026 with 5 working days: Oct 8, 9, 10 (调休 Saturday), 12, 13.
  { number: "TL-PAUSE", matter: "BDCDJ-001", path: ["01", "02"], accepted: bj("2026-09-30T09:00:00"), limit: 5 },
  // Accepted Monday 9 March 2026, 4 working days: promised by the end of Friday 13 March.
  { number: "TL-OPEN", matter: "BDCDJ-001", path: ["01", "02"], accepted: bj("2026-03-09T09:00:00"), limit: 4 },
  { number: "TL-NOPROMISE", matter: "BDCDJ-001", path: ["01"], accepted: bj("2026-03-09T09:00:00"), limit: null },
  { number: "TL-LATE", matter: "BDCDJ-001", path: ["01", "02", "03", "04"], accepted: bj("2026-03-09T09:00:00"), limit: 1, done: { bjsj: bj("2026-03-11T10:00:00").toISOString(), bjjg: "1" } },
  { number: "TL-ONTIME", matter: "HYDJ-001", path: ["01", "04"], accepted: bj("2026-03-09T09:00:00"), limit: 0, done: { bjsj: bj("2026-03-09T09:30:00").toISOString(), bjjg: "1" } },
  { number: "TL-REFUSED", matter: "BDCDJ-001", path: ["01", "05"], accepted: bj("2026-03-09T09:00:00"), limit: 4 },
  // Paused in 特别程序 on Wednesday 11 March 2026 16:00 (path step 2), promised by Friday 13 March.
  ...["A", "B", "C"].map((x) => ({ number: `TL-PAUSED-${x}`, matter: "BDCDJ-001", path: ["01", "02", "07"], accepted: bj("2026-03-09T09:00:00"), limit: 4 })),
]);

describe.each(ENGINES)("time limits on %s", (engine) => {
  let h: LifecycleHarness;
  beforeAll(async () => {
    h = await openLifecycleHarness(engine, [fixtures]);
  });
  afterAll(() => h?.dispose());

  test.each([
    ["2026-03-12T10:00:00", false, 1],
    ["2026-03-13T17:00:00", false, 0],
    ["2026-03-14T09:00:00", true, -1],
    ["2026-03-17T09:00:00", true, -2],
  ])("an open case read at %s: overdue %s, %i working days left", async (now, overdue, left) => {
    expect(await read(h, bj(now), "TL-OPEN")).toEqual({
      number: "TL-OPEN", status: "PROCESSING", promisedBy: bj("2026-03-13T23:59:59.999").toISOString(), overdue, workingDaysLeft: left, clockPaused: false,
    });
  });

  test("finished cases: overdue only if finished late, no working days left; no promise, never overdue", async () => {
    const later = bj("2026-06-01T10:00:00");
    expect(await read(h, later, "TL-LATE")).toMatchObject({ status: "COMPLETED", overdue: true, workingDaysLeft: null });
    expect(await read(h, later, "TL-ONTIME")).toMatchObject({ status: "COMPLETED", overdue: false, workingDaysLeft: null });
    expect(await read(h, later, "TL-REFUSED")).toMatchObject({ status: "NOT_ACCEPTED", overdue: false, workingDaysLeft: null });
    expect(await read(h, later, "TL-NOPROMISE")).toMatchObject({ overdue: false, workingDaysLeft: null, promisedBy: null });
  });

  test("a paused case is never overdue and its working days left stay as they were at the pause", async () => {
    for (const now of ["2026-03-12T10:00:00", "2026-04-30T10:00:00"]) {
      // paused Wed 11 March: Thu 12 and Fri 13 were left
      expect(await read(h, bj(now), "TL-PAUSED-A")).toMatchObject({ status: "SPECIAL_PROCEDURE", overdue: false, workingDaysLeft: 2, clockPaused: true });
    }
  });

  test("derived fields of many cases cost no statement beyond the case batch and one timeline batch", async () => {
    const query = `{ ${["TL-OPEN", "TL-LATE", "TL-PAUSED-A", "TL-PAUSED-B", "TL-PAUSED-C", "TL-NOPROMISE"].map((n, i) => `c${i}: case(number: "${n}") { ${CLOCK} }`).join(" ")} }`;
    const { result, statements } = await countStatements([h.silo], () => h.runAt(bj("2026-03-20T10:00:00"), query));
    dataOf(result);
    expect(statements.map((s) => s.text.match(/FROM (\w+)/)?.[1])).toEqual(["sp_bj", "sp_bjgc"]);
  });

  test("pause and resume: promisedBy moves later by the working days spent in 特别程序", async () => {
    const promised = bj("2026-10-13T23:59:59.999").toISOString();
    // Paused Friday 9 October (3 working days left: Sat 10 调休, Mon 12, Tue 13).
    const paused = dataOf(await h.runAt(bj("2026-10-09T10:00:00"), ADVANCE, { number: "TL-PAUSE", to: "SPECIAL_PROCEDURE", opinion: "需要现场勘验" })).advanceCase;
    expect(paused).toMatchObject({ status: "SPECIAL_PROCEDURE", promisedBy: promised, clockPaused: true, overdue: false, workingDaysLeft: 3 });
    // Past the original promise, still paused: not overdue, still 3 left.
    expect(await read(h, bj("2026-10-14T10:00:00"), "TL-PAUSE")).toMatchObject({ overdue: false, workingDaysLeft: 3, promisedBy: promised });
    // Only back to 承办, where it paused from.
    const wrong = errorOf(await h.runAt(bj("2026-10-15T15:00:00"), ADVANCE, { number: "TL-PAUSE", to: "REVIEWING" }));
    expect(wrong.extensions).toMatchObject({ rule: "transition", allowed: ["PROCESSING"] });
    // Resumed Thursday 15 October: Oct 10, 12, 13, 14, 15 = 5 working days; Oct 13 + 5 = Oct 20.
    const resumed = dataOf(await h.runAt(bj("2026-10-15T15:00:00"), ADVANCE, { number: "TL-PAUSE", to: "PROCESSING", opinion: "勘验完成", handler: "刘洋" })).advanceCase;
    expect(resumed).toMatchObject({ status: "PROCESSING", promisedBy: bj("2026-10-20T23:59:59.999").toISOString(), clockPaused: false, overdue: false, workingDaysLeft: 3 });
    expect(resumed.timeline.slice(-2)).toEqual([
      { status: "SPECIAL_PROCEDURE", at: bj("2026-10-09T10:00:00").toISOString(), window: "综合窗口5", handler: null, opinion: "需要现场勘验" },
      {
        status: "PROCESSING", at: bj("2026-10-15T15:00:00").toISOString(), window: "综合窗口5", handler: "刘洋",
        opinion: "勘验完成；特别程序 2026-10-09 至 2026-10-15，计 5 个工作日，承诺办结时间由 2026-10-13 顺延至 2026-10-20",
      },
    ]);
    // The clock runs again: late the day after the moved promise.
    expect(await read(h, bj("2026-10-21T10:00:00"), "TL-PAUSE")).toMatchObject({ overdue: true, workingDaysLeft: -1 });
    // Finished late: overdue stays true, nothing left to count.
    dataOf(await h.runAt(bj("2026-10-21T11:00:00"), ADVANCE, { number: "TL-PAUSE", to: "REVIEWING" }));
    const done = dataOf(await h.runAt(bj("2026-10-22T11:00:00"), ADVANCE, { number: "TL-PAUSE", to: "COMPLETED", result: "APPROVED" })).advanceCase;
    expect(done).toMatchObject({ status: "COMPLETED", completedAt: bj("2026-10-22T11:00:00").toISOString(), overdue: true, workingDaysLeft: null });
    const [row] = await h.silo.query<{ cnbjsj: Date; bjsj: Date; bjjg: string }>("SELECT cnbjsj, bjsj, bjjg FROM sp_bj WHERE bjbh = 'TL-PAUSE'");
    expect(row).toEqual({ cnbjsj: bj("2026-10-20T23:59:59.999"), bjsj: bj("2026-10-22T11:00:00"), bjjg: "1" });
  });
});
