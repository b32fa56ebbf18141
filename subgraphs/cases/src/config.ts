// The cases service's configuration, read once at start (see readSubgraphConfig): unset
// variables take their defaults; one set to something invalid stops the start, naming it.
import { readInt, readString, readSubgraphConfig, readUrl, type SubgraphConfig } from "@onceonly/shared";

export const DEFAULT_CASES_PORT = 4003;
export const DEFAULT_RECEIPT_JWKS_URL = "http://127.0.0.1:4002/.well-known/jwks.json";

export interface AcceptanceConfig {
  /** The licences service's published receipt keys (or the gateway's copy of them). */
  receiptJwksUrl: string;
  /** An e-licence material's receipt must be younger than this at acceptance. */
  receiptMaxAgeSeconds: number;
  /** The readiness check an acceptance cites must be younger than this. */
  readinessMaxAgeSeconds: number;
}

export interface CasesConfig extends SubgraphConfig {
  acceptance: AcceptanceConfig;
  /** Holiday calendar JSON; null = the bundled one. */
  holidayCalendarFile: string | null;
}

export function readCasesConfig(env: Record<string, string | undefined> = process.env): CasesConfig {
  return {
    ...readSubgraphConfig(env, "CASES", DEFAULT_CASES_PORT),
    acceptance: {
      receiptJwksUrl: readUrl(env, "RECEIPT_JWKS_URL", ["http:", "https:"]) ?? DEFAULT_RECEIPT_JWKS_URL,
      receiptMaxAgeSeconds: readInt(env, "RECEIPT_MAX_AGE_SECONDS", 3600, 1, 30 * 24 * 3600),
      readinessMaxAgeSeconds: readInt(env, "READINESS_MAX_AGE_SECONDS", 3600, 1, 7 * 24 * 3600),
    },
    holidayCalendarFile: readString(env, "HOLIDAY_CALENDAR_FILE") ?? null,
  };
}
