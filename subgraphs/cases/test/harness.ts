// One test silo per engine with the fixtures loaded, the schema, and a way to run an
// operation the way the service does (fresh context, fresh loaders, per call).
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import { buildCasesSchema, createCasesContext, createSources, MIGRATIONS } from "../src/server.js";
import type { Silo } from "@onceonly/shared";
import { openTestSilo, type Engine } from "../../../test/support/silos.js";
import { FIXTURES, loadFixtures, type Fixtures } from "./fixtures.js";
import { testServices } from "./services.js";

export interface Harness {
  silo: Silo;
  run(source: string, variables?: Record<string, unknown>): Promise<ExecutionResult>;
  dispose(): Promise<void>;
}

let schema: Promise<GraphQLSchema> | undefined; // one build per test file

export async function openHarness(engine: Engine, extra: Fixtures[] = []): Promise<Harness> {
  const test = await openTestSilo(engine, "cases", MIGRATIONS);
  await loadFixtures(test.silo, FIXTURES);
  for (const fixtures of extra) await loadFixtures(test.silo, fixtures);
  const built = await (schema ??= buildCasesSchema());
  const sources = createSources(test.silo);
  return {
    silo: test.silo,
    run: (source, variableValues) =>
      graphql({ schema: built, source, variableValues, contextValue: createCasesContext(sources, testServices(), { requestId: "test", purpose: null, window: null }) }),
    dispose: () => test.dispose(),
  };
}

/** The data of a result that must have no errors (fails with the errors otherwise). */
export function dataOf<T = Record<string, any>>(result: ExecutionResult): T {
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors.map((e) => [e.message, e.extensions]))}`);
  return result.data as T;
}
