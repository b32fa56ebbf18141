export type { WorkingCalendar } from "./working-calendar.js";
export { createWorkingCalendar, type WorkingCalendarOptions } from "./create-working-calendar.js";
export { BUNDLED_CALENDAR_FILE, CalendarFileError, loadWorkingCalendar, parseCalendarFile } from "./calendar-file.js";
export { formatChinaDay } from "./china-day.js";
