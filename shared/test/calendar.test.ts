// Working-day arithmetic on the bundled 2025-2026 schedule: weekends, public holidays,
// make-up working days (调休), and China-time day boundaries.
import { afterEach, describe, expect, it, vi } from "vitest";
import { createWorkingCalendar, loadWorkingCalendar, type WorkingCalendar } from "@onceonly/shared";

/** An instant written in Beijing time. */
const bj = (local: string) => new Date(`${local}+08:00`);
/** The end of a Beijing-time day, as deadline() returns it. */
const endOf = (day: string) => new Date(`${day}T23:59:59.999+08:00`);

const quiet = { warn: vi.fn() };
afterEach(() => quiet.warn.mockClear());
const calendar: WorkingCalendar = loadWorkingCalendar(null, { log: quiet });

describe("isWorkingDay", () => {
  it.each([
    ["2026-03-06", true, "a Friday"],
    ["2026-03-07", false, "a Saturday"],
    ["2026-03-08", false, "a Sunday"],
    ["2026-10-01", false, "国庆节"],
    ["2026-10-07", false, "国庆节, last day"],
    ["2026-10-10", true, "国庆节调休 Saturday"],
    ["2026-09-20", true, "国庆节调休 Sunday"],
    ["2026-01-04", true, "元旦调休 Sunday"],
    ["2026-02-14", true, "春节调休 Saturday"],
    ["2026-02-23", false, "春节, a Monday"],
    ["2026-02-28", true, "春节调休 Saturday"],
    ["2026-05-09", true, "劳动节调休 Saturday"],
    ["2025-10-08", false, "国庆节中秋节 2025, last day"],
    ["2025-10-11", true, "国庆节中秋节调休 2025"],
    ["2025-01-26", true, "春节调休 2025 Sunday"],
  ])("%s is %s (%s)", (day, working) => {
    expect(calendar.isWorkingDay(day)).toBe(working);
  });

  it("refuses text that is not a calendar date", () => {
    expect(() => calendar.isWorkingDay("2026-02-30")).toThrow(/"2026-02-30" is not a calendar date/);
    expect(() => calendar.isWorkingDay("2026/03/06")).toThrow(/not a calendar date/);
  });

  it("counts 248 working days in each bundled year", () => {
    // 2025: 365 − 104 weekend days − 18 weekday holidays + 5 make-up days.
    // 2026: 365 − 104 weekend days − 19 weekday holidays + 6 make-up days.
    expect(calendar.workingDaysBetween(bj("2024-12-31T12:00:00"), bj("2025-12-31T12:00:00"))).toBe(248);
    expect(calendar.workingDaysBetween(bj("2025-12-31T12:00:00"), bj("2026-12-31T12:00:00"))).toBe(248);
  });
});

describe("deadline", () => {
  it("skips a weekend", () => {
    const friday = bj("2026-03-06T10:00:00");
    expect(calendar.deadline(friday, 1)).toEqual(endOf("2026-03-09"));
    expect(calendar.deadline(friday, 3)).toEqual(endOf("2026-03-11"));
    expect(calendar.workingDaysBetween(friday, bj("2026-03-11T09:00:00"))).toBe(3);
  });

  it("skips the 2026 National Day holiday and counts its make-up Saturday", () => {
    const accepted = bj("2026-09-30T10:00:00"); // Wednesday before 国庆
    expect(calendar.deadline(accepted, 1)).toEqual(endOf("2026-10-08"));
    expect(calendar.deadline(accepted, 2)).toEqual(endOf("2026-10-09"));
    expect(calendar.deadline(accepted, 3)).toEqual(endOf("2026-10-10")); // Saturday, worked
    expect(calendar.deadline(accepted, 4)).toEqual(endOf("2026-10-12"));
    expect(calendar.workingDaysBetween(accepted, bj("2026-10-12T08:00:00"))).toBe(4);
    // The Sunday worked before the holiday
    expect(calendar.deadline(bj("2026-09-18T16:00:00"), 1)).toEqual(endOf("2026-09-20"));
  });

  it("skips the Spring Festival and counts both make-up Saturdays", () => {
    const accepted = bj("2026-02-13T15:00:00"); // Friday before 春节
    expect(calendar.deadline(accepted, 1)).toEqual(endOf("2026-02-14"));
    expect(calendar.deadline(accepted, 2)).toEqual(endOf("2026-02-24"));
    expect(calendar.deadline(accepted, 6)).toEqual(endOf("2026-02-28"));
    expect(calendar.deadline(accepted, 7)).toEqual(endOf("2026-03-02"));
    expect(calendar.deadline(bj("2025-01-24T10:00:00"), 3)).toEqual(endOf("2025-02-05")); // 2025: 26 Jan worked, 28 Jan-4 Feb off
  });

  it("takes the acceptance day in Beijing time, not the UTC date", () => {
    // 2026-11-19T17:00Z is Friday 01:00 in Beijing (still Thursday in UTC).
    expect(calendar.deadline(new Date("2026-11-19T17:00:00Z"), 1)).toEqual(endOf("2026-11-23"));
    // 2026-11-20T17:00Z is already Saturday in Beijing: the same day's end is Saturday's.
    expect(calendar.deadline(new Date("2026-11-20T17:00:00Z"), 0)).toEqual(new Date("2026-11-21T15:59:59.999Z"));
    expect(calendar.deadline(new Date("2026-11-20T15:59:59.999Z"), 0)).toEqual(new Date("2026-11-20T15:59:59.999Z"));
    expect(calendar.workingDaysBetween(new Date("2026-11-19T17:00:00Z"), new Date("2026-11-20T17:00:00Z"))).toBe(0);
  });

  it("gives 即办件 (n = 0) the end of the acceptance day, even a holiday", () => {
    expect(calendar.deadline(bj("2026-03-06T09:30:00"), 0)).toEqual(endOf("2026-03-06"));
    expect(calendar.deadline(bj("2026-10-03T09:30:00"), 0)).toEqual(endOf("2026-10-03"));
  });

  it("refuses a limit that is negative or not whole", () => {
    expect(() => calendar.deadline(bj("2026-03-06T09:30:00"), -1)).toThrow(/-1 working days/);
    expect(() => calendar.deadline(bj("2026-03-06T09:30:00"), 1.5)).toThrow(/1.5 working days/);
    expect(() => calendar.deadline(new Date(Number.NaN), 1)).toThrow(/Invalid Date/);
  });
});

describe("workingDaysBetween", () => {
  it("is 0 on the same day and when to is not after from", () => {
    expect(calendar.workingDaysBetween(bj("2026-03-09T08:00:00"), bj("2026-03-09T18:00:00"))).toBe(0);
    expect(calendar.workingDaysBetween(bj("2026-03-12T08:00:00"), bj("2026-03-09T18:00:00"))).toBe(0);
  });

  it("is the inverse of deadline", () => {
    const from = bj("2026-09-28T11:00:00");
    for (let n = 0; n <= 30; n++) expect(calendar.workingDaysBetween(from, calendar.deadline(from, n))).toBe(n);
  });
});

describe("years outside the calendar", () => {
  it("count weekends only and warn once per year, naming it", () => {
    const log = { warn: vi.fn() };
    const c = loadWorkingCalendar(null, { log });
    expect(c.isWorkingDay("2027-10-01")).toBe(true); // a Friday; 2027's 国庆 is not in the file
    expect(c.isWorkingDay("2027-10-02")).toBe(false);
    expect(c.deadline(bj("2027-10-01T10:00:00"), 1)).toEqual(endOf("2027-10-04"));
    expect(log.warn).toHaveBeenCalledTimes(1);
    const [bindings, message] = log.warn.mock.calls[0];
    expect(bindings).toMatchObject({ year: 2027, coveredYears: [2025, 2026] });
    expect(message).toMatch(/2027.*update HOLIDAY_CALENDAR_FILE/);
    c.isWorkingDay("2024-05-01");
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(log.warn.mock.calls[1][0]).toMatchObject({ year: 2024 });
  });

  it("are not warned about by a calendar that claims no years", () => {
    const log = { warn: vi.fn() };
    const weekendsOnly = createWorkingCalendar({ holidays: [], workdays: [], log });
    expect(weekendsOnly.deadline(bj("2026-09-30T10:00:00"), 1)).toEqual(endOf("2026-10-01"));
    expect(log.warn).not.toHaveBeenCalled();
  });
});

describe("createWorkingCalendar", () => {
  it("refuses a make-up working day on a weekday or one that is also a holiday", () => {
    expect(() => createWorkingCalendar({ holidays: [], workdays: ["2026-10-09"] })).toThrow(/2026-10-09 is not a Saturday or Sunday/);
    expect(() => createWorkingCalendar({ holidays: ["2026-10-10"], workdays: ["2026-10-10"] })).toThrow(/both as a holiday and as a make-up/);
    expect(() => createWorkingCalendar({ holidays: ["2026-13-01"], workdays: [] })).toThrow(/holidays entry "2026-13-01"/);
  });
});
