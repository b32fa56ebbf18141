// Calendar arithmetic on day numbers (days since 1970-01-01) without Date objects: the
// generator formats millions of dates, and a Date per value would dominate its time.
// Times are China Standard Time (UTC+8, no daylight saving), written with their offset.

/** The "today" of the demo data unless the caller passes another: fixed, so seeding is reproducible. */
export const DEMO_REFERENCE_DATE = "2026-11-20";

// Howard Hinnant's days_from_civil / civil_from_days.
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

export function civilFromDay(day: number): [number, number, number] {
  const z = day + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  return [m <= 2 ? era * 400 + yoe + 1 : era * 400 + yoe, m, d];
}

/** "YYYY-MM-DD" → day number. */
export function dayOf(iso: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new RangeError(`date "${iso}" must be YYYY-MM-DD`);
  return dayFromCivil(Number(m[1]), Number(m[2]), Number(m[3]));
}

const pad2 = (n: number) => (n < 10 ? "0" : "") + n;
const isoCache = new Map<number, string>();

/** Day number → "YYYY-MM-DD" (memoised: the demo uses a few tens of thousands of days). */
export function isoDate(day: number): string {
  let s = isoCache.get(day);
  if (s === undefined) {
    const [y, m, d] = civilFromDay(day);
    s = `${y}-${pad2(m)}-${pad2(d)}`;
    isoCache.set(day, s);
  }
  return s;
}

/** Day number → "YYYYMMDD", the registry's and the ID number's date form. */
export function compactDate(day: number): string {
  const iso = isoDate(day);
  return iso.slice(0, 4) + iso.slice(5, 7) + iso.slice(8, 10);
}

export function yearOf(day: number): number {
  return civilFromDay(day)[0];
}

/** Same month and day n years later (29 February → 28 February). */
export function addYears(day: number, years: number): number {
  const [y, m, d] = civilFromDay(day);
  const target = dayFromCivil(y + years, m, d);
  return civilFromDay(target)[2] === d ? target : dayFromCivil(y + years, m, 28);
}

/** Whole years between two days (age on `on` of someone born on `birth`). */
export function yearsBetween(birth: number, on: number): number {
  const [by, bm, bd] = civilFromDay(birth);
  const [y, m, d] = civilFromDay(on);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** 0 = Sunday … 6 = Saturday (1970-01-01 was a Thursday). */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function isWorkingDay(day: number): boolean {
  const w = weekday(day);
  return w !== 0 && w !== 6;
}

/** The first working day on or after `day`. */
export function nextWorkingDay(day: number): number {
  while (!isWorkingDay(day)) day++;
  return day;
}

/** Time limits count working days (statutory holidays are left out: no calendar here). */
export function addWorkingDays(day: number, n: number): number {
  let left = n;
  while (left > 0) {
    day++;
    if (isWorkingDay(day)) left--;
  }
  return day;
}

/** "YYYY-MM-DD HH:MM:SS+08" — a timestamptz literal COPY accepts as is. */
export function timestamp(day: number, secondOfDay: number): string {
  const h = Math.floor(secondOfDay / 3600);
  const mi = Math.floor((secondOfDay % 3600) / 60);
  const s = secondOfDay % 60;
  return `${isoDate(day)} ${pad2(h)}:${pad2(mi)}:${pad2(s)}+08`;
}
