// Serving one department subgraph: its schema at /graphql, GET /healthz, and a fresh
// context (with fresh DataLoaders) per request.
import type { BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { sendJson, type RouteHandler, type RunningServer } from "../http/serve.js";
import { requestMeta } from "../context.js";
import { serveApollo } from "./serve-apollo.js";

export interface SubgraphServiceOptions<C extends BaseContext> {
  name: string;
  schema: GraphQLSchema;
  context: (meta: ReturnType<typeof requestMeta>) => C;
  port: number;
  host?: string;
  /** Extra routes by exact path, served before GraphQL (e.g. /.well-known/jwks.json). */
  routes?: Record<string, RouteHandler>;
  /**
   * Something to run beside the server, e.g. the change feed that keeps the entity cache
   * fresh: started BEFORE serving (no request may fill the cache before invalidation is
   * watching) and stopped after the server closes, or when it fails to start.
   */
  watch?: () => Promise<{ stop(): Promise<void> }>;
}

/** Closing it leaves the silo (and any cache) open: the caller owns them. */
export async function startSubgraphService<C extends BaseContext>(options: SubgraphServiceOptions<C>): Promise<RunningServer> {
  const watcher = options.watch ? await options.watch() : null;
  try {
    const running = await serveApollo<C>({
      name: options.name,
      apollo: { schema: options.schema },
      context: async (req) => options.context(requestMeta(req)),
      port: options.port,
      host: options.host,
      routes: { ...options.routes, "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }) },
    });
    return watcher ? { ...running, close: () => running.close().finally(() => watcher.stop()) } : running;
  } catch (error) {
    await watcher?.stop();
    throw error;
  }
}
