// The holiday calendar as a JSON file (HOLIDAY_CALENDAR_FILE; the bundled one when unset),
// read once at start. A bad file stops the start, naming the file and the entry: a typo in
// a holiday would otherwise move every promised completion date without anyone noticing.
//
// {
//   "years": [2026],                                            the years the lists are complete for
//   "holidays": [{ "name": "国庆节", "from": "2026-10-01", "to": "2026-10-07" }],   "to" defaults to "from"
//   "workdays": [{ "name": "国庆节调休", "date": "2026-10-10" }]                    make-up working days (调休)
// }
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { formatDay, isWeekend, parseDay, yearOf, type DayNumber } from "./china-day.js";
import { createWorkingCalendar, type WorkingCalendarOptions } from "./create-working-calendar.js";
import type { WorkingCalendar } from "./working-calendar.js";

/** shared/calendars/cn-holidays.json: the same relative path from src/ (tests) and dist/. */
export const BUNDLED_CALENDAR_FILE = fileURLToPath(new URL("../../calendars/cn-holidays.json", import.meta.url));

// A public holiday lasts at most 9 days (春节); a longer span is a typo in a year or month.
const MAX_HOLIDAY_DAYS = 15;

export class CalendarFileError extends Error {
  override name = "CalendarFileError";
}

/** Reads and checks a calendar file; null = the bundled one. */
export function loadWorkingCalendar(file: string | null, options: Pick<WorkingCalendarOptions, "log"> = {}): WorkingCalendar {
  const path = file ?? BUNDLED_CALENDAR_FILE;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new CalendarFileError(`holiday calendar ${path}: cannot be read (${(error as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new CalendarFileError(`holiday calendar ${path}: not JSON (${(error as Error).message})`);
  }
  return createWorkingCalendar({ ...parseCalendarFile(json, path), source: path, log: options.log });
}

/** The file's content as calendar options; throws CalendarFileError naming the bad entry. */
export function parseCalendarFile(json: unknown, path: string): Required<Pick<WorkingCalendarOptions, "holidays" | "workdays" | "years">> {
  const fail = (where: string, entry: unknown, rule: string) =>
    new CalendarFileError(`holiday calendar ${path}: ${where}${entry === undefined ? "" : ` ${JSON.stringify(entry)}`}: ${rule}`);
  if (!isObject(json)) throw fail("the file", undefined, 'must be an object with "years", "holidays" and "workdays"');

  const years = json.years;
  if (!Array.isArray(years) || years.length === 0 || !years.every((y) => Number.isInteger(y) && y >= 1949 && y <= 2200)) {
    throw fail('"years"', years, "must be a non-empty list of the years (e.g. 2026) the lists are complete for");
  }
  const covered = new Set<number>(years);
  const list = (key: "holidays" | "workdays"): unknown[] => {
    const value = json[key];
    if (!Array.isArray(value)) throw fail(`"${key}"`, value, "must be a list");
    return value;
  };
  const day = (where: string, entry: unknown, value: unknown, field: string): DayNumber => {
    const parsed = typeof value === "string" ? parseDay(value) : null;
    if (parsed === null) throw fail(where, entry, `"${field}" ${JSON.stringify(value ?? null)} is not a calendar date (YYYY-MM-DD)`);
    if (!covered.has(yearOf(parsed))) throw fail(where, entry, `${value} lies outside the covered years ${[...covered].join(", ")}`);
    return parsed;
  };
  const named = (where: string, entry: unknown): Record<string, unknown> => {
    if (!isObject(entry) || typeof entry.name !== "string" || entry.name.trim() === "") throw fail(where, entry, 'must be an object with a "name"');
    return entry;
  };

  const holidays = new Set<DayNumber>();
  list("holidays").forEach((raw, i) => {
    const where = `holidays[${i}]`;
    const entry = named(where, raw);
    const from = day(where, raw, entry.from, "from");
    const to = entry.to === undefined ? from : day(where, raw, entry.to, "to");
    if (to < from) throw fail(where, raw, `"to" is before "from"`);
    if (to - from >= MAX_HOLIDAY_DAYS) throw fail(where, raw, `spans ${to - from + 1} days; a holiday lasts at most ${MAX_HOLIDAY_DAYS}`);
    for (let d = from; d <= to; d++) holidays.add(d);
  });

  const workdays = new Set<DayNumber>();
  list("workdays").forEach((raw, i) => {
    const where = `workdays[${i}]`;
    const entry = named(where, raw);
    const date = day(where, raw, entry.date, "date");
    if (!isWeekend(date)) throw fail(where, raw, `${formatDay(date)} is a weekday; a make-up working day (调休) is a Saturday or Sunday`);
    if (holidays.has(date)) throw fail(where, raw, `${formatDay(date)} is also listed as a holiday`);
    workdays.add(date);
  });

  return { years: covered, holidays: [...holidays].map(formatDay), workdays: [...workdays].map(formatDay) };
}

// Private.
function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
