// Runs operations against the registry schema in-process, with a fresh request context
// (fresh loaders) per operation, as the HTTP service does per request.
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Silo } from "@onceonly/shared";
import { buildRegistrySchema, createContext, createSources, MIGRATIONS } from "../src/server.js";
import { insertFixtures } from "./fixtures.js";
import { ENGINES, openTestSilo, type Engine, type TestSilo } from "../../../test/support/silos.js";

export { ENGINES, type Engine };

export interface Registry {
  silo: Silo;
  schema: GraphQLSchema;
  run(source: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  dispose(): Promise<void>;
}

/** A migrated test silo on `engine` holding the fixtures, and a runner over the schema. */
export async function openRegistry(engine: Engine, bulkHouseholds = 0): Promise<Registry> {
  const test: TestSilo = await openTestSilo(engine, "registry", MIGRATIONS);
  try {
    await insertFixtures(test.silo, bulkHouseholds);
    const schema = await buildRegistrySchema();
    const sources = createSources(test.silo);
    return {
      silo: test.silo,
      schema,
      run: (source, variables) =>
        graphql({
          schema,
          source,
          variableValues: variables,
          contextValue: createContext(sources, { requestId: "test", purpose: null, window: null }),
        }),
      dispose: () => test.dispose(),
    };
  } catch (error) {
    await test.dispose();
    throw error;
  }
}

/** The first error's extensions, for asserting codes and rules. */
export function firstError(result: ExecutionResult): { message: string; extensions: Record<string, unknown> } {
  const error = result.errors?.[0];
  if (!error) throw new Error(`expected an error, got ${JSON.stringify(result.data)}`);
  return { message: error.message, extensions: error.extensions as Record<string, unknown> };
}
