// The per-request context every subgraph resolver receives. `loaders` is created per
// request (DataLoader caches must never outlive one request).
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { Logger } from "./log.js";

export interface WindowIdentity {
  id: string;
  department?: string;
  region?: string;
  scopes: readonly string[];
}

export interface RequestContext<L> {
  requestId: string;
  /** Filled from the gateway's forwarded identity (see the security work); null when absent. */
  window: WindowIdentity | null;
  /** Matter code or case number the data is read for (X-Purpose). */
  purpose: string | null;
  loaders: L;
  log: Logger;
}

export function requestMeta(req: IncomingMessage): { requestId: string; purpose: string | null } {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return {
    requestId: header("x-request-id") ?? randomUUID(),
    purpose: header("x-purpose") ?? null,
  };
}
