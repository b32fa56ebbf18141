// CONTRACT (issue 4): what the cases resolvers need besides the silo, made once at start
// and shared by every request: the working-day calendar, the receipt keys and the age
// limits of acceptance, and a clock (tests move it; production uses the wall clock).
import type { JWK, WorkingCalendar } from "@onceonly/shared";

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
