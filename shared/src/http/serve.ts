// A small node:http front for Apollo Server (subgraphs and gateway alike):
// executeHTTPGraphQLRequest is Apollo's integration seam, so there is no framework in
// between, and health routes and the subgraphs' signature check sit in front of it.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { HeaderMap, type ApolloServer, type BaseContext } from "@apollo/server";
import { routeMetrics, UNMATCHED_ROUTE } from "../metrics/http-metrics.js";

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

/** A guard's decision; a refusal is sent as JSON with this status, and Apollo never sees the request. */
export type GuardResult = { ok: true } | { ok: false; status: number; body: unknown };

/** Decides on a GraphQL request once its body is read (the exact bytes received). */
export type RequestGuard = (req: IncomingMessage, body: Buffer) => Promise<GuardResult>;

export interface ServeOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  context: (req: IncomingMessage) => Promise<C>;
  port: number;
  host?: string;
  /** Served before GraphQL, by exact path (e.g. /healthz). */
  routes?: Record<string, RouteHandler>;
  graphqlPath?: string;
  /** Largest request body accepted, in bytes. */
  maxBodyBytes?: number;
  /** The `service` label of the HTTP metrics (gateway, registry …). */
  name?: string;
  /** Run on the GraphQL path only (e.g. the subgraphs' signature check); routes stay open. */
  guard?: RequestGuard;
}

export interface RunningServer {
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function serveGraphQL<C extends BaseContext>(options: ServeOptions<C>): Promise<RunningServer> {
  const graphqlPath = options.graphqlPath ?? "/graphql";
  const maxBody = options.maxBodyBytes ?? 2 * 1024 * 1024;
  const routes = options.routes ?? {};
  const observe = routeMetrics(options.name ?? "graphql", [graphqlPath, ...Object.keys(routes)]);
  const server = createServer((req, res) => void serve(req, res));
  server.keepAliveTimeout = 65_000; // longer than typical load-balancer idle timeouts

  async function serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const started = performance.now();
    const { pathname, search } = splitUrl(req.url ?? "/");
    const route = Object.hasOwn(routes, pathname) ? routes[pathname] : undefined;
    try {
      if (route) await route(req, res);
      else if (pathname === graphqlPath) await graphql(req, res, search);
      else sendJson(res, 404, { error: `no route ${pathname}; GraphQL is at ${graphqlPath}` });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { errors: [{ message: "internal error", extensions: { code: "INTERNAL_SERVER_ERROR" } }] });
      else res.end();
      options.apollo.logger.error(String(error));
    } finally {
      observe(route || pathname === graphqlPath ? pathname : UNMATCHED_ROUTE, res.statusCode, (performance.now() - started) / 1000);
    }
  }

  async function graphql(req: IncomingMessage, res: ServerResponse, search: string): Promise<void> {
    const raw = await readBody(req, maxBody);
    if (raw === null) return sendJson(res, 413, { errors: [{ message: `request body over ${maxBody} bytes`, extensions: { code: "PAYLOAD_TOO_LARGE" } }] });
    if (options.guard) {
      const verdict = await options.guard(req, raw);
      if (!verdict.ok) return sendJson(res, verdict.status, verdict.body);
    }
    const body = raw.toString("utf8");
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
    }
    let parsed: unknown = body;
    if (body && headers.get("content-type")?.includes("application/json")) {
      try {
        parsed = JSON.parse(body);
      } catch {
        return sendJson(res, 400, { errors: [{ message: "request body is not valid JSON", extensions: { code: "BAD_REQUEST" } }] });
      }
    }
    const response = await options.apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? "GET", headers, search, body: parsed },
      context: () => options.context(req),
    });
    for (const [key, value] of response.headers) res.setHeader(key, value);
    res.statusCode = response.status ?? 200;
    if (response.body.kind === "complete") {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host ?? "127.0.0.1", () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const host = options.host && options.host !== "0.0.0.0" ? options.host : "127.0.0.1";
  return {
    url: `http://${host}:${port}${graphqlPath}`,
    port,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader("content-type", "application/json; charset=utf-8");
  res.end(JSON.stringify(body));
}

// Private: path and query of a request target. The origin form ("/graphql?x") is split by
// hand, as it is on every request; anything else (absolute form) goes through URL.
function splitUrl(target: string): { pathname: string; search: string } {
  if (target.startsWith("/") && !target.startsWith("//")) {
    const q = target.indexOf("?");
    return q === -1 ? { pathname: target, search: "" } : { pathname: target.slice(0, q), search: target.slice(q) };
  }
  const url = new URL(target, "http://localhost");
  return { pathname: url.pathname, search: url.search };
}

// Private: the body's bytes, or null when it exceeds the limit.
async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) return null;
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
