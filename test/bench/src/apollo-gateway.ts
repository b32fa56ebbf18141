// Stock Apollo Gateway, as its documentation sets it up: ApolloServer over an
// ApolloGateway with a static supergraph, on the standalone server. No plugins, no plan
// warming, no cache. The only addition is forwarding the window's three headers to the
// subgraphs — any deployment over these subgraphs must, since they audit who asked and
// why — so every gateway makes the subgraphs do the same work.
// env: PORT, SUPERGRAPH_PATH (the supergraph with the subgraphs' benchmark URLs).
import { readFileSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { ApolloGateway, RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { ApolloServer } from "@apollo/server";
import { startStandaloneServer } from "@apollo/server/standalone";

interface Context {
  headers: IncomingHttpHeaders;
}

const FORWARDED = ["x-window-id", "x-department", "x-purpose"];

class ForwardingSource extends RemoteGraphQLDataSource<Context> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<Context>): void {
    for (const name of FORWARDED) {
      const value = context.headers?.[name];
      if (typeof value === "string") request.http?.headers.set(name, value);
    }
  }
}

const gateway = new ApolloGateway({
  supergraphSdl: readFileSync(process.env.SUPERGRAPH_PATH!, "utf8"),
  buildService: ({ url }) => new ForwardingSource({ url }),
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
