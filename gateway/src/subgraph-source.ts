// The one seam between the gateway and its subgraphs (as gateway-js intends):
// which URL a subgraph is at, which headers travel with each fetch. Request signing
// (gateway-only subgraphs) will live here too.
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { encodeHeaderValue } from "@onceonly/shared";
import type { GatewayContext } from "./context.js";

export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (!request.http || !context?.requestId) return;
    request.http.headers.set("x-request-id", context.requestId);
    if (context.purpose) request.http.headers.set("x-purpose", encodeHeaderValue(context.purpose));
    if (context.window) {
      request.http.headers.set("x-window-id", encodeHeaderValue(context.window.id));
      if (context.window.department) request.http.headers.set("x-department", encodeHeaderValue(context.window.department));
    }
  }
}
