// Services for in-process tests: a fixed clock, no receipt keys unless a test brings its
// own, and (until the calendar work lands) a weekends-only calendar.
// INTERIM: the calendar work replaces weekendsOnly with the real calendar.
import type { WorkingCalendar } from "@onceonly/shared";
import type { CasesServices } from "../src/server.js";

const weekendsOnly: WorkingCalendar = {
  isWorkingDay: (day) => ![0, 6].includes(new Date(`${day}T12:00:00Z`).getUTCDay()),
  deadline: () => {
    throw new Error("interim calendar: deadline not implemented");
  },
  workingDaysBetween: () => {
    throw new Error("interim calendar: workingDaysBetween not implemented");
  },
};

export function testServices(overrides: Partial<CasesServices> = {}): CasesServices {
  return {
    calendar: weekendsOnly,
    receiptKeys: { current: async () => ({ keys: [] }), refresh: async () => ({ keys: [] }) },
    receiptMaxAgeSeconds: 3600,
    readinessMaxAgeSeconds: 3600,
    clock: () => new Date(),
    ...overrides,
  };
}
