// Refuses an operation that is too deep, too aliased, too wide or too costly, after
// Apollo has parsed and validated it and before the gateway plans it or calls any
// subgraph (didResolveOperation runs before execution, and so before the query planner).
import type { ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError } from "graphql";
import { logger } from "@onceonly/shared";
import type { OperationLimits } from "./config.js";
import { DEFAULT_LIST_SIZE, MAX_INTROSPECTION_DEPTH, measureOperation, type OperationMeasure } from "./measure.js";
import { operationsRefused } from "./metrics.js";

export type LimitName = "depth" | "aliases" | "rootFields" | "cost";

const RULES: { limit: LimitName; max: keyof OperationLimits; variable: string; says: (value: number, max: number) => string }[] = [
  { limit: "depth", max: "maxDepth", variable: "MAX_DEPTH", says: (v, m) => `operation depth ${v} exceeds the maximum ${m}` },
  { limit: "aliases", max: "maxAliases", variable: "MAX_ALIASES", says: (v, m) => `operation uses ${v} aliases, more than the maximum ${m}` },
  { limit: "rootFields", max: "maxRootFields", variable: "MAX_ROOT_FIELDS", says: (v, m) => `operation selects ${v} root fields, more than the maximum ${m}` },
  {
    limit: "cost",
    max: "maxCost",
    variable: "MAX_COST",
    says: (v, m) =>
      `operation's estimated cost ${v} exceeds the maximum ${m} (each field costs 1; a list multiplies its fields by ` +
      `its size: \`first\`, else the length of its list argument, else ${DEFAULT_LIST_SIZE})`,
  },
];

export class OperationLimitError extends GraphQLError {
  constructor(message: string, limit: LimitName, value: number, max: number) {
    super(message, { extensions: { code: "OPERATION_LIMIT_EXCEEDED", limit, value, max, http: { status: 400 } } });
  }
}

/** The first limit the measure exceeds (in the order depth, aliases, root fields, cost), or null. */
export function exceededLimit(measure: OperationMeasure, limits: OperationLimits): OperationLimitError | null {
  for (const rule of RULES) {
    // Beyond 2^53 a count is no longer exact; it is refused all the same.
    const value = Math.min(measure[rule.limit], Number.MAX_SAFE_INTEGER);
    const max = limits[rule.max];
    if (value > max) return new OperationLimitError(`${rule.says(value, max)} (${rule.variable})`, rule.limit, value, max);
  }
  if (measure.introspectionDepth > MAX_INTROSPECTION_DEPTH) {
    return new OperationLimitError(
      `introspection depth ${measure.introspectionDepth} exceeds the maximum ${MAX_INTROSPECTION_DEPTH} (the standard introspection query needs 15)`,
      "depth",
      measure.introspectionDepth,
      MAX_INTROSPECTION_DEPTH,
    );
  }
  return null;
}

export function operationLimitsPlugin(limits: OperationLimits): ApolloServerPlugin<BaseContext> {
  const log = logger.child({ component: "limits" });
  const refused = operationsRefused();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ schema, document, operation, request }) {
          if (!operation) return;
          const measure = measureOperation(schema, document, operation, request.variables);
          const error = exceededLimit(measure, limits);
          if (!error) return;
          refused.inc({ reason: error.extensions.limit as string });
          log.info({ operationName: operation.name?.value ?? null, ...measure }, error.message);
          throw error;
        },
      };
    },
  };
}
