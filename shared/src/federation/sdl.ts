// A subgraph's SDL as the gateway composes it: what `_service { sdl }` answers.
import { printSubgraphSchema } from "@apollo/subgraph";
import type { GraphQLSchema } from "graphql";

export function subgraphSdl(schema: GraphQLSchema): string {
  return printSubgraphSchema(schema);
}
