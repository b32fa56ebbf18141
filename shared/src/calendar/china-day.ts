// Calendar days in China Standard Time. China keeps UTC+8 all year (no daylight saving
// since 1991), so a day is a fixed 24-hour span and plain arithmetic on day numbers is
// exact. Working on day numbers, never on the host's local time, keeps a case accepted
// on Friday at 01:00 Beijing time (still Thursday in UTC) on the right day whatever the
// server's TZ is.

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;
const ISO_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01 (a Thursday), in China time. */
export type DayNumber = number;

/** The China-time calendar day an instant falls on. */
export function dayOf(instant: Date): DayNumber {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError("working calendar: an Invalid Date has no calendar day");
  return Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS);
}

/** "YYYY-MM-DD" → day number; null unless the text is a real calendar date. */
export function parseDay(text: string): DayNumber | null {
  const match = ISO_DAY.exec(text);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const check = new Date(ms);
  // Date.UTC rolls 2026-02-30 over to March: a rolled date is not the date written.
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return ms / DAY_MS;
}

export function formatDay(day: DayNumber): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function yearOf(day: DayNumber): number {
  return new Date(day * DAY_MS).getUTCFullYear();
}

/** 0 = Sunday … 6 = Saturday. */
export function weekdayOf(day: DayNumber): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWeekend(day: DayNumber): boolean {
  const weekday = weekdayOf(day);
  return weekday === 0 || weekday === 6;
}

/** 23:59:59.999 +08:00 of the day: the last instant a time limit ending that day allows. */
export function endOfDay(day: DayNumber): Date {
  return new Date((day + 1) * DAY_MS - CHINA_OFFSET_MS - 1);
}

/** "YYYY-MM-DD" of the China-time day an instant falls on (for messages and notes). */
export function formatChinaDay(instant: Date): string {
  return formatDay(dayOf(instant));
}
