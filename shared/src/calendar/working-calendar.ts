// The working-day calendar behind every time limit (法定时限, 承诺时限): acceptCase sets
// promised dates with it, the case lifecycle derives overdue and working days left.
// Days are China Standard Time (UTC+8) calendar days, written YYYY-MM-DD.

export interface WorkingCalendar {
  /** Weekends are off unless listed as make-up working days (调休); public holidays are off. */
  isWorkingDay(day: string): boolean;
  /**
   * The promised completion time of a case accepted at `from` with a limit of `workingDays`:
   * the end (23:59:59.999 +08:00) of the n-th working day after the acceptance day;
   * 0 (即办件) is the end of the acceptance day itself.
   */
  deadline(from: Date, workingDays: number): Date;
  /** Working days strictly after `from`'s day up to and including `to`'s day (0 when to ≤ from). */
  workingDaysBetween(from: Date, to: Date): number;
}
