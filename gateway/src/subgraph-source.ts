// The one seam between the gateway and its subgraphs (as gateway-js intends): which
// subgraph answers, which headers travel with each fetch. Each request is signed for the
// gateway-only subgraphs by SubgraphClient as it is sent (one signature per HTTP request).
//
// Operations take a short path instead of RemoteGraphQLDataSource's (which builds
// node-fetch Headers and a Request per fetch): the request's headers come ready from the
// context, the body goes to the subgraph's keep-alive pool, and fetches of a query may
// be shared with an identical one in flight (subgraph-client.ts). Health checks and
// schema loading, which this gateway does not use, keep Apollo's path (unsigned: a
// subgraph would refuse them with 401).
import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from "@apollo/gateway";
import { GraphQLError } from "graphql";
import type { GatewayContext } from "./context.js";
import type { SubgraphClient, SubgraphReply } from "./subgraph-client.js";

type GatewayGraphQLResponse = Awaited<ReturnType<RemoteGraphQLDataSource["process"]>>;

const NO_IDENTITY_HEADERS: Record<string, string> = { "content-type": "application/json" };
// The gateway's answers carry personal data: never HTTP-cacheable, whatever a subgraph says.
const UNCACHEABLE = { maxAge: 0 } as const;

export class SubgraphSource extends RemoteGraphQLDataSource<GatewayContext> {
  private readonly client: SubgraphClient;

  constructor(client: SubgraphClient) {
    super({ url: client.url });
    this.client = client;
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<GatewayGraphQLResponse> {
    // Only an incoming operation's fetch has the request context (Apollo's kind enum is not exported).
    if (!("incomingRequestContext" in options)) return super.process(options);
    const { request, incomingRequestContext } = options;
    if (!request.query) throw new Error("Missing query");
    const context = incomingRequestContext.context as Partial<GatewayContext> | undefined;
    let headers = context?.subgraphHeaders ?? NO_IDENTITY_HEADERS;
    // Set only when Apollo asks for a federated trace; ours never does, but honour it.
    if (request.http?.headers) headers = { ...Object.fromEntries(request.http.headers), ...headers };
    const body = JSON.stringify({ query: request.query, variables: request.variables, operationName: request.operationName });
    // Only a query's fetches are shared: a mutation's are each their own, and so is every
    // fetch of a mutation's plan.
    const shareKey = incomingRequestContext.operation?.operation === "query" && context?.identityKey !== undefined ? context.identityKey : null;
    const reply = await this.client.post(body, headers, shareKey);
    incomingRequestContext.overallCachePolicy?.restrict(UNCACHEABLE);
    if (reply.status < 200 || reply.status >= 300) throw httpError(this.url, reply);
    const parsed = isJson(reply) ? (JSON.parse(reply.body) as unknown) : reply.body;
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) throw new Error(`Expected JSON response body, but received: ${reply.body}`);
    return parsed as GatewayGraphQLResponse;
  }
}

function isJson(reply: SubgraphReply): boolean {
  return reply.contentType !== null && (reply.contentType.startsWith("application/json") || reply.contentType.startsWith("application/graphql-response+json"));
}

// Private: the error RemoteGraphQLDataSource gives for a non-2xx answer, same shape.
function httpError(url: string, reply: SubgraphReply): GraphQLError {
  let body: unknown = reply.body;
  if (isJson(reply)) {
    try {
      body = JSON.parse(reply.body);
    } catch {
      // keep the text
    }
  }
  const code = reply.status === 401 ? "UNAUTHENTICATED" : reply.status === 403 ? "FORBIDDEN" : undefined;
  return new GraphQLError(`${reply.status}: ${reply.statusText}`, {
    extensions: { ...(code ? { code } : {}), response: { url, status: reply.status, statusText: reply.statusText, body } },
  });
}
