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
}

/** Closing it leaves the silo open: the caller owns it. */
export function startSubgraphService<C extends BaseContext>(options: SubgraphServiceOptions<C>): Promise<RunningServer> {
  return serveApollo<C>({
    name: options.name,
    apollo: { schema: options.schema },
    context: async (req) => options.context(requestMeta(req)),
    port: options.port,
    host: options.host,
    routes: { ...options.routes, "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }) },
  });
}
