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
  // Header values must be Latin-1, so Chinese (a department's name, a purpose) travels
  // percent-encoded; a value that is not valid percent-encoding is taken as it is.
  const header = (name: string) => {
    const raw = req.headers[name];
    const v = Array.isArray(raw) ? raw[0] : raw;
    if (v === undefined || !v.includes("%")) return v;
    try {
      return decodeURIComponent(v);
    } catch {
      return v;
    }
  };
  return {
    requestId: header("x-request-id") ?? randomUUID(),
    purpose: header("x-purpose") ?? null,
    window: header("x-window-id") ? { id: header("x-window-id")!, department: header("x-department"), scopes: [] } : null,
  };
}

/** The context a subgraph resolver gets: request facts plus that request's own loaders. */
/** The form a request fact takes in an outgoing header: percent-encoded when not plain ASCII. */
export function encodeHeaderValue(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) && !value.includes("%") ? value : encodeURIComponent(value);
}

export function createRequestContext<L>(subgraph: string, meta: RequestMeta, loaders: L): RequestContext<L> {
  return {
    requestId: meta.requestId,
    window: meta.window,
    purpose: meta.purpose,
    loaders,
    log: logger.child({ subgraph, requestId: meta.requestId }),
  };
}
