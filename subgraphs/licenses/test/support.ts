// Runs operations against the licences schema in process, with a fresh request context
// (fresh loaders) per operation, as the HTTP service does per request.
import { graphql, type ExecutionResult, type GraphQLSchema } from "graphql";
import type { Silo } from "@onceonly/shared";
import { createContext } from "../src/context.js";
import { createSources, type LicensesSources } from "../src/source/index.js";

export type Result = ExecutionResult<Record<string, any>>;

export function executor(schema: GraphQLSchema, silo: Silo, sources: LicensesSources = createSources(silo)) {
  return (source: string, variableValues?: Record<string, unknown>): Promise<Result> =>
    graphql({
      schema,
      source,
      variableValues,
      contextValue: createContext(sources, { requestId: "test", purpose: null, window: null }),
    }) as Promise<Result>;
}

export const entitiesQuery = (selection: string) =>
  `query($r: [_Any!]!) { _entities(representations: $r) { __typename ${selection} } }`;
