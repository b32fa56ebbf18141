// Apollo Server behind serveGraphQL, for the gateway and every subgraph alike: started,
// listening, and closed in the right order (HTTP first, then Apollo). Every service
// answers GET /metrics (Prometheus text: its process, HTTP, silo and cache metrics).
import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import { ApolloServerPluginCacheControlDisabled } from "@apollo/server/plugin/disabled";
import { ApolloServerPluginInlineTraceDisabled } from "@apollo/server/plugin/disabled";
import { serveGraphQL, type RunningServer, type ServeOptions } from "../http/serve.js";
import { logger } from "../log.js";
import { enableProcessMetrics, METRICS_PATH, metricsRoute } from "../metrics/index.js";

export interface ServeApolloOptions<C extends BaseContext> extends Omit<ServeOptions<C>, "apollo"> {
  /** Apollo's options; the project-wide defaults below are applied unless overridden. */
  apollo: ApolloServerOptions<C>;
  /** Name in Apollo's own log lines. */
  name: string;
}

export async function serveApollo<C extends BaseContext>(options: ServeApolloOptions<C>): Promise<RunningServer> {
  const apollo = new ApolloServer<C>({
    introspection: true,
    includeStacktraceInErrorResponses: false,
    // The process owns its signals (close HTTP, then the silo, then exit 0); Apollo's
    // own handler would re-raise them and end the process with 130/143.
    stopOnTerminationSignals: false,
    // Apollo's notices (inline tracing …) go to the service log, not bare stdout.
    logger: logger.child({ component: "apollo", server: options.name }),
    ...options.apollo,
    // Off because nothing here reads them, and both cost per resolved field: the
    // cache-control plugin wraps every field to compute an HTTP cache policy nobody
    // sends (personal data is never HTTP-cached), and inline tracing (ftv1) only serves
    // Apollo's hosted usage reporting, which a government gateway does not send to.
    plugins: [ApolloServerPluginCacheControlDisabled(), ApolloServerPluginInlineTraceDisabled(), ...(options.apollo.plugins ?? [])],
  } as ApolloServerOptions<C>);
  await apollo.start();
  try {
    enableProcessMetrics();
    const running = await serveGraphQL({ ...options, apollo, routes: { [METRICS_PATH]: metricsRoute, ...options.routes } });
    return {
      ...running,
      async close() {
        await running.close();
        await apollo.stop();
      },
    };
  } catch (error) {
    await apollo.stop();
    throw error;
  }
}
