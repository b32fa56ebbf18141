// Serving one department subgraph: its schema at /graphql, answered only for requests
// the gateway signed (security/signing.ts), GET /healthz, and a fresh context (with fresh
// DataLoaders) per request.
import type { BaseContext } from "@apollo/server";
import type { GraphQLSchema } from "graphql";
import { sendJson, type RouteHandler, type RunningServer } from "../http/serve.js";
import { requestMeta } from "../context.js";
import { logger } from "../log.js";
import { MemoryNonceStore } from "../security/memory-nonce-store.js";
import type { NonceStore } from "../security/nonce-store.js";
import { requireGatewaySignature } from "../security/signature-guard.js";
import { MIN_SECRET_LENGTH, type SigningConfig } from "../security/signing.js";
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
  /** The gateway's signing secret and the oldest signature accepted: /graphql answers signed requests only. */
  signing: SigningConfig;
  /** Where answered nonces are remembered (the caller owns it); default: this process's memory. */
  nonces?: NonceStore;
}

/** Closing it leaves the silo (and any cache) open: the caller owns them. */
export async function startSubgraphService<C extends BaseContext>(options: SubgraphServiceOptions<C>): Promise<RunningServer> {
  // Checked here too, not only when read from the environment: there is no unsigned mode.
  if (typeof options.signing?.secret !== "string" || options.signing.secret.length < MIN_SECRET_LENGTH) {
    throw new Error(`${options.name} subgraph: signing.secret must be the gateway's signing secret (at least ${MIN_SECRET_LENGTH} characters); subgraphs answer only signed requests`);
  }
  const watcher = options.watch ? await options.watch() : null;
  const nonces = options.nonces ?? new MemoryNonceStore();
  try {
    const running = await serveApollo<C>({
      name: options.name,
      apollo: { schema: options.schema },
      context: async (req) => options.context(requestMeta(req)),
      port: options.port,
      host: options.host,
      routes: { ...options.routes, "/healthz": (_req, res) => sendJson(res, 200, { status: "ok" }) },
      guard: requireGatewaySignature({ signing: options.signing, nonces, log: logger.child({ subgraph: options.name, component: "signature" }) }),
    });
    return watcher ? { ...running, close: () => running.close().finally(() => watcher.stop()) } : running;
  } catch (error) {
    await watcher?.stop();
    throw error;
  }
}
