// Services for in-process tests: the bundled holiday calendar (what production runs
// without HOLIDAY_CALENDAR_FILE), no receipt keys unless a test brings its own, and the
// wall clock unless a test moves it.
import { loadWorkingCalendar } from "@onceonly/shared";
import type { CasesServices } from "../src/server.js";

// One read per test file: the calendar is immutable.
const calendar = loadWorkingCalendar(null);

export function testServices(overrides: Partial<CasesServices> = {}): CasesServices {
  return {
    calendar,
    receiptKeys: { current: async () => ({ keys: [] }), refresh: async () => ({ keys: [] }) },
    receiptMaxAgeSeconds: 3600,
    readinessMaxAgeSeconds: 3600,
    clock: () => new Date(),
    ...overrides,
  };
}
