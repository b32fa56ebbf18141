// What the cases resolvers need besides the silo, made once at start
// and shared by every request: the working-day calendar, the receipt keys and the age
// limits of acceptance, and a clock (tests move it; production uses the wall clock).
import { loadWorkingCalendar, remoteKeySet, type JWK, type WorkingCalendar } from "@onceonly/shared";
import type { CasesConfig } from "./config.js";

/** The published receipt key set (JWKS), fetched and cached by whoever implements it. */
export interface ReceiptKeySet {
  /** The cached key set, fetched on first use. */
  current(): Promise<{ keys: JWK[] }>;
  /** Fetches again (rate limited), for a receipt signed by a key not yet seen. */
  refresh(): Promise<{ keys: JWK[] }>;
}

export interface CasesServices {
  calendar: WorkingCalendar;
  receiptKeys: ReceiptKeySet;
  receiptMaxAgeSeconds: number;
  readinessMaxAgeSeconds: number;
  clock: () => Date;
}

/**
 * The services of a running cases process. The key set is fetched on first use, not here:
 * the cases service must be able to start before the licences service that publishes it.
 */
export function createCasesServices(config: CasesConfig): CasesServices {
  return {
    // Read once: a malformed calendar file stops the start, naming the file.
    calendar: loadWorkingCalendar(config.holidayCalendarFile),
    // Refetched on an unknown kid at most every 30 s (a rotation publishes keys 120 s ahead).
    receiptKeys: remoteKeySet(config.acceptance.receiptJwksUrl, { minIntervalMs: 30_000 }),
    receiptMaxAgeSeconds: config.acceptance.receiptMaxAgeSeconds,
    readinessMaxAgeSeconds: config.acceptance.readinessMaxAgeSeconds,
    clock: () => new Date(),
  };
}
