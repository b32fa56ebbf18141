// What the gateway knows about one incoming request.
import type { IncomingMessage } from "node:http";
import { requestMeta } from "@onceonly/shared";

export interface GatewayContext {
  requestId: string;
  purpose: string | null;
}

export async function gatewayContext(req: IncomingMessage): Promise<GatewayContext> {
  return requestMeta(req);
}
