// What the gateway knows about one incoming request, and the headers each of its
// subgraph fetches carries: encoded once here, not once per fetch (a window lookup makes
// three to five).
import type { IncomingMessage } from "node:http";
import { encodeHeaderValue, requestMeta, type RequestMeta } from "@onceonly/shared";

export interface GatewayContext extends RequestMeta {
  /** content-type, x-request-id and the forwarded identity (x-window-id, x-department, x-purpose). */
  subgraphHeaders: Record<string, string>;
  /** Who asks and why: identical subgraph fetches are shared only between requests with the same one. */
  identityKey: string;
}

export async function gatewayContext(req: IncomingMessage): Promise<GatewayContext> {
  const meta = requestMeta(req);
  // Header values must be Latin-1: the services decode what is percent-encoded here.
  const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": encodeHeaderValue(meta.requestId) };
  if (meta.purpose) headers["x-purpose"] = encodeHeaderValue(meta.purpose);
  if (meta.window) {
    headers["x-window-id"] = encodeHeaderValue(meta.window.id);
    if (meta.window.department) headers["x-department"] = encodeHeaderValue(meta.window.department);
  }
  const identityKey = `${headers["x-window-id"] ?? ""}\t${headers["x-department"] ?? ""}\t${headers["x-purpose"] ?? ""}`;
  return { ...meta, subgraphHeaders: headers, identityKey };
}
