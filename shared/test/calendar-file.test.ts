// A holiday calendar file is checked at start: a bad one stops the service with a message
// naming the file and the entry, never a silently wrong time limit.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { BUNDLED_CALENDAR_FILE, CalendarFileError, loadWorkingCalendar } from "@onceonly/shared";

const dir = mkdtempSync(join(tmpdir(), "calendar-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: unknown): string {
  const path = join(dir, `calendar-${n++}.json`);
  writeFileSync(path, typeof content === "string" ? content : JSON.stringify(content));
  return path;
}

const valid = {
  years: [2026],
  holidays: [{ name: "国庆节", from: "2026-10-01", to: "2026-10-07" }],
  workdays: [{ name: "国庆节调休", date: "2026-10-10" }],
};

describe("loadWorkingCalendar", () => {
  it("reads the bundled file when given null", () => {
    expect(BUNDLED_CALENDAR_FILE).toMatch(/shared[/\\]calendars[/\\]cn-holidays\.json$/);
    expect(loadWorkingCalendar(null).isWorkingDay("2026-10-10")).toBe(true);
  });

  it("reads a file of its own, a single-day holiday without 'to'", () => {
    const c = loadWorkingCalendar(file({ ...valid, holidays: [...valid.holidays, { name: "某节", from: "2026-03-06" }] }));
    expect(c.isWorkingDay("2026-10-08")).toBe(true);
    expect(c.isWorkingDay("2026-10-05")).toBe(false);
    expect(c.isWorkingDay("2026-10-10")).toBe(true);
    expect(c.isWorkingDay("2026-03-06")).toBe(false);
    // Not in this file: 2026's Spring Festival is an ordinary week here.
    expect(c.isWorkingDay("2026-02-16")).toBe(true);
  });

  it.each([
    ["a missing file", null, /cannot be read/],
    ["text that is not JSON", "{ years: [2026] ", /not JSON/],
    ["a list instead of an object", [1, 2], /the file: must be an object/],
    ["no years", { ...valid, years: [] }, /"years" \[\]: must be a non-empty list/],
    ["holidays not a list", { ...valid, holidays: { name: "国庆节" } }, /"holidays" \{"name":"国庆节"\}: must be a list/],
    ["an impossible date", { ...valid, holidays: [valid.holidays[0], { name: "清明节", from: "2026-04-31" }] }, /holidays\[1\] \{"name":"清明节","from":"2026-04-31"\}: "from" "2026-04-31" is not a calendar date/],
    ["an entry without a name", { ...valid, holidays: [{ from: "2026-04-04" }] }, /holidays\[0\] \{"from":"2026-04-04"\}: must be an object with a "name"/],
    ["'to' before 'from'", { ...valid, holidays: [{ name: "劳动节", from: "2026-05-05", to: "2026-05-01" }] }, /holidays\[0\].*"to" is before "from"/],
    ["a span mistyped by a month", { ...valid, holidays: [{ name: "国庆节", from: "2026-10-01", to: "2026-11-07" }] }, /holidays\[0\].*spans 38 days/],
    ["a date outside the covered years", { ...valid, holidays: [{ name: "元旦", from: "2027-01-01" }] }, /holidays\[0\].*2027-01-01 lies outside the covered years 2026/],
    ["a make-up day on a weekday", { ...valid, workdays: [{ name: "国庆节调休", date: "2026-10-09" }] }, /workdays\[0\].*2026-10-09 is a weekday/],
    ["a make-up day that is also a holiday", { ...valid, workdays: [{ name: "国庆节调休", date: "2026-10-04" }] }, /workdays\[0\].*2026-10-04 is also listed as a holiday/],
    ["a make-up day without a date", { ...valid, workdays: [{ name: "国庆节调休", day: "2026-10-10" }] }, /workdays\[0\].*"date" null is not a calendar date/],
  ])("refuses %s, naming the file and the entry", (_, content, message) => {
    const path = content === null ? join(dir, "absent.json") : file(content);
    let error: unknown;
    try {
      loadWorkingCalendar(path);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CalendarFileError);
    expect((error as Error).message).toContain(`holiday calendar ${path}: `);
    expect((error as Error).message).toMatch(message);
  });
});
