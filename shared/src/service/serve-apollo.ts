// Apollo Server behind serveGraphQL, for the gateway and every subgraph alike: started,
// listening, and closed in the right order (HTTP first, then Apollo).
import { ApolloServer, type ApolloServerOptions, type BaseContext } from "@apollo/server";
import { serveGraphQL, type RunningServer, type ServeOptions } from "../http/serve.js";
import { logger } from "../log.js";

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
  } as ApolloServerOptions<C>);
  await apollo.start();
  try {
    const running = await serveGraphQL({ ...options, apollo });
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
