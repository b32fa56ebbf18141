// The operations the gateway knows before anyone asks: the window's own. Their plans are
// built when the gateway starts, so no clerk waits for the query planner.
import { VERIFY_LICENSE_QUERY, VERIFY_LICENSES_QUERY } from "./verification.js";
import { WINDOW_LOOKUP_QUERY } from "./window-lookup.js";
import { ACCEPT_CASE_MUTATION, ADVANCE_CASE_MUTATION, EVALUATE_CASE_MUTATION, READINESS_QUERY, SHARING_STATS_QUERY } from "./window-flow.js";

export * from "./verification.js";
export * from "./window-lookup.js";
export * from "./window-flow.js";

export const KNOWN_OPERATIONS: readonly string[] = [
  WINDOW_LOOKUP_QUERY,
  READINESS_QUERY,
  ACCEPT_CASE_MUTATION,
  ADVANCE_CASE_MUTATION,
  EVALUATE_CASE_MUTATION,
  SHARING_STATS_QUERY,
  VERIFY_LICENSE_QUERY,
  VERIFY_LICENSES_QUERY,
];
