// The working-day calendar: weekends off, the State Council's public holidays off, and
// the make-up working days (调休) that move a weekend day into the working week on.
// Each year's schedule is published late in the year before, so a calendar knows only
// the years it was given; outside them it falls back to weekends only and says so once
// per year, because a silent fallback would shorten or lengthen legal time limits.
import { logger } from "../log.js";
import { dayOf, endOfDay, formatDay, isWeekend, parseDay, yearOf, type DayNumber } from "./china-day.js";
import type { WorkingCalendar } from "./working-calendar.js";

export interface WorkingCalendarOptions {
  /** Public holidays, "YYYY-MM-DD" (a holiday on a weekend is allowed and changes nothing). */
  holidays: Iterable<string>;
  /** Make-up working days (调休), "YYYY-MM-DD"; each must be a Saturday or Sunday. */
  workdays: Iterable<string>;
  /**
   * The years whose schedule the lists are complete for. A day outside them is computed
   * as weekends only and logged once per year. Omitted: the caller vouches for every year
   * (a deliberately weekends-only calendar logs nothing).
   */
  years?: Iterable<number>;
  /** Named in the warning, so the operator knows which file to update. */
  source?: string;
  log?: { warn(bindings: object, message: string): void };
}

export function createWorkingCalendar(options: WorkingCalendarOptions): WorkingCalendar {
  const holidays = toDays(options.holidays, "holidays");
  const workdays = toDays(options.workdays, "workdays");
  for (const day of workdays) {
    if (holidays.has(day)) throw new RangeError(`working calendar: ${formatDay(day)} is listed both as a holiday and as a make-up working day`);
    if (!isWeekend(day)) throw new RangeError(`working calendar: make-up working day ${formatDay(day)} is not a Saturday or Sunday`);
  }
  const years = options.years ? new Set(options.years) : null;
  const warned = new Set<number>();
  const log = options.log ?? logger;
  const source = options.source ?? "the working calendar";

  const working = (day: DayNumber): boolean => {
    if (years) {
      const year = yearOf(day);
      if (!years.has(year) && !warned.has(year)) {
        warned.add(year);
        log.warn(
          { year, calendar: source, coveredYears: [...years].sort() },
          `holiday schedule for ${year} unknown to ${source}: working days in ${year} count weekends only; update HOLIDAY_CALENDAR_FILE`,
        );
      }
    }
    if (holidays.has(day)) return false;
    return workdays.has(day) || !isWeekend(day);
  };

  return {
    isWorkingDay(day) {
      const parsed = parseDay(day);
      if (parsed === null) throw new RangeError(`working calendar: "${day}" is not a calendar date (YYYY-MM-DD)`);
      return working(parsed);
    },
    deadline(from, workingDays) {
      if (!Number.isInteger(workingDays) || workingDays < 0) {
        throw new RangeError(`working calendar: a time limit of ${workingDays} working days; it must be a whole number ≥ 0`);
      }
      let day = dayOf(from);
      for (let left = workingDays; left > 0; ) {
        day += 1;
        if (working(day)) left -= 1;
      }
      return endOfDay(day);
    },
    workingDaysBetween(from, to) {
      const last = dayOf(to);
      let count = 0;
      for (let day = dayOf(from) + 1; day <= last; day++) if (working(day)) count++;
      return count;
    },
  };
}

// Private: validated day numbers of one list.
function toDays(days: Iterable<string>, list: string): Set<DayNumber> {
  const result = new Set<DayNumber>();
  for (const text of days) {
    const day = parseDay(text);
    if (day === null) throw new RangeError(`working calendar: ${list} entry "${text}" is not a calendar date (YYYY-MM-DD)`);
    result.add(day);
  }
  return result;
}
