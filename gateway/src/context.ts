// What the gateway knows about one incoming request.
import type { IncomingMessage } from "node:http";
import { requestMeta, type RequestMeta } from "@onceonly/shared";

export type GatewayContext = RequestMeta;

export async function gatewayContext(req: IncomingMessage): Promise<GatewayContext> {
  return requestMeta(req);
}
