export type { WorkingCalendar } from "./working-calendar.js";
