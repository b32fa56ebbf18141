// /healthz: the process is up. /readyz: every subgraph answers its own /healthz, so a
// load balancer only sends traffic to a gateway that can serve whole plans.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson } from "@onceonly/shared";

export function healthz(_req: IncomingMessage, res: ServerResponse): void {
  sendJson(res, 200, { status: "ok" });
}

export function readyz(subgraphUrls: Record<string, string>, timeoutMs = 2000) {
  const targets = Object.entries(subgraphUrls).map(([name, url]) => [name, new URL("/healthz", url)] as const);
  return async (_req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const checks = await Promise.all(
      targets.map(async ([name, health]) => {
        try {
          const response = await fetch(health, { signal: AbortSignal.timeout(timeoutMs) });
          return { name, url: health.toString(), ok: response.ok, status: response.status };
        } catch (error) {
          return { name, url: health.toString(), ok: false, error: (error as Error).message };
        }
      }),
    );
    const ready = checks.every((c) => c.ok);
    sendJson(res, ready ? 200 : 503, { status: ready ? "ready" : "not ready", subgraphs: checks });
  };
}
