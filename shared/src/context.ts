// The per-request context every subgraph resolver receives. `loaders` is created per
// request (DataLoader caches must never outlive one request).
import { randomUUID } from "node:crypto";
import type { IncomingMessage } from "node:http";
import { logger, type Logger } from "./log.js";

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

export interface RequestMeta {
  requestId: string;
  purpose: string | null;
  /**
   * The calling window as the gateway forwards it (x-window-id, x-department). Until the
   * security work binds it to a verified JWT, it is the client's word: it labels usage
   * records and receipts, it grants nothing.
   */
  window: WindowIdentity | null;
}

export function requestMeta(req: IncomingMessage): RequestMeta {
  const header = (name: string) => {
    const v = req.headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  return {
    requestId: header("x-request-id") ?? randomUUID(),
    purpose: header("x-purpose") ?? null,
    window: header("x-window-id") ? { id: header("x-window-id")!, department: header("x-department"), scopes: [] } : null,
  };
}

/** The context a subgraph resolver gets: request facts plus that request's own loaders. */
export function createRequestContext<L>(subgraph: string, meta: RequestMeta, loaders: L): RequestContext<L> {
  return {
    requestId: meta.requestId,
    window: meta.window,
    purpose: meta.purpose,
    loaders,
    log: logger.child({ subgraph, requestId: meta.requestId }),
  };
}
