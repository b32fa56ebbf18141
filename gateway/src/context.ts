// What the gateway knows about one incoming request: who calls (their verified token),
// why (X-Purpose), and the headers each of its subgraph fetches carries — encoded once
// here, not once per fetch (a window lookup makes three to five).
//
// The identity forwarded to the subgraphs (x-window-id, x-department) is the token's,
// never a client header: subgraphs trust it because only the gateway's signed requests
// reach them. A request without a valid token stops here with 401.
import type { IncomingMessage } from "node:http";
import { encodeHeaderValue, requestMeta, type RequestMeta } from "@onceonly/shared";
import type { Caller } from "./auth/caller.js";

export interface GatewayContext extends RequestMeta {
  caller: Caller;
  /** content-type, x-request-id and the verified identity (x-window-id, x-department) with x-purpose. */
  subgraphHeaders: Record<string, string>;
  /** Who asks and why: identical subgraph fetches are shared only between requests with the same one. */
  identityKey: string;
}

export type Authenticate = (authorization: string | undefined) => Promise<Caller>;

export function gatewayContext(authenticate: Authenticate): (req: IncomingMessage) => Promise<GatewayContext> {
  return async (req) => {
    const authorization = req.headers.authorization;
    const caller = await authenticate(Array.isArray(authorization) ? authorization[0] : authorization);
    const meta = requestMeta(req);
    // Header values must be Latin-1: the services decode what is percent-encoded here.
    const headers: Record<string, string> = {
      "content-type": "application/json",
      "x-request-id": encodeHeaderValue(meta.requestId),
      "x-window-id": encodeHeaderValue(caller.window),
      "x-department": encodeHeaderValue(caller.department),
    };
    if (meta.purpose) headers["x-purpose"] = encodeHeaderValue(meta.purpose);
    const identityKey = `${headers["x-window-id"]}\t${headers["x-department"]}\t${headers["x-purpose"] ?? ""}`;
    const window = { id: caller.window, department: caller.department, ...(caller.region ? { region: caller.region } : {}), scopes: [...caller.scopes] };
    return { ...meta, window, caller, subgraphHeaders: headers, identityKey };
  };
}
