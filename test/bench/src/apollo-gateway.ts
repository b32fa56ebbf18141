// Stock Apollo Gateway, as its documentation sets it up: ApolloServer over an
// ApolloGateway with a static supergraph, on the standalone server. No plugins, no plan
// warming, no cache. The only additions are what any deployment over these subgraphs
// must do: forward the window's three headers (the subgraphs audit who asked and why)
// and sign each request (the subgraphs answer only signed ones), so every gateway makes
// the subgraphs do the same work.
// env: PORT, SUPERGRAPH_PATH (the supergraph with the subgraphs' benchmark URLs),
// SUBGRAPH_SIGNING_SECRET.
import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";
import { signRequest } from "@onceonly/shared/signing";

interface Context {
  headers: IncomingHttpHeaders;
}

const FORWARDED = ["x-window-id", "x-department", "x-purpose"];

class ForwardingSource extends RemoteGraphQLDataSource<Context> {
  constructor(url: string, secret: string) {
    super({ url });
    // Signed in the fetcher, over the bytes Apollo actually sends: willSendRequest runs
    // before Apollo serializes the body, and would have to guess its exact JSON.
    const send = this.fetcher;
    this.fetcher = (target, init = {}) => {
      const { pathname, search } = new URL(target);
      const signature = signRequest(secret, { method: init.method ?? "GET", path: pathname + search, body: init.body ?? "", headers: init.headers as Record<string, unknown> | undefined });
      return send(target, { ...init, headers: { ...init.headers, ...signature } });
    };
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    for (const name of FORWARDED) {
      const value = context.headers?.[name];
      if (typeof value === "string") request.http?.headers.set(name, value);
    }
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, "utf8"),
  buildService: ({ url }) => new ForwardingSource(url!, process.env.SUBGRAPH_SIGNING_SECRET!),
});
const server = new ApolloServer<Context>({ gateway });
const { url } = await startStandaloneServer(server, {
  listen: { port: Number(process.env.PORT), host: "127.0.0.1" },
  context: async ({ req }) => ({ headers: req.headers }),
});
console.log(`stock Apollo Gateway at ${url}`);
const stop = () => void server.stop().finally(() => process.exit(0));
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
