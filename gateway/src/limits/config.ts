// What an operation may cost before the gateway plans it, whether the schema answers
// introspection, and whether only persisted operations run.
import { ConfigError, readBoolean, readInt, readString } from "@onceonly/shared";

export interface OperationLimits {
  /** Deepest field nesting (fragments expanded). */
  maxDepth: number;
  /** Most aliased fields in one operation. */
  maxAliases: number;
  /** Most root fields (each one a separate lookup, often a separate subgraph fetch). */
  maxRootFields: number;
  /** Highest estimated cost: fields, each list-valued one multiplying its subtree by its size. */
  maxCost: number;
}

export interface LimitsConfig extends OperationLimits {
  /** Answer __schema / __type. Off in production: the schema is no map for an intruder. */
  introspection: boolean;
  /** Manifest of persisted operations (apollo-persisted-query-manifest); null: none. */
  persistedOperationsFile: string | null;
  /** Only operations in the manifest run. */
  persistedOperationsOnly: boolean;
}

export const DEFAULT_LIMITS: OperationLimits = { maxDepth: 12, maxAliases: 30, maxRootFields: 10, maxCost: 20_000 };

export function readLimitsConfig(env: Record<string, string | undefined> = process.env): LimitsConfig {
  const devMode = readBoolean(env, "DEV_MODE", false);
  const config: LimitsConfig = {
    maxDepth: readInt(env, "MAX_DEPTH", DEFAULT_LIMITS.maxDepth, 1, 1_000),
    maxAliases: readInt(env, "MAX_ALIASES", DEFAULT_LIMITS.maxAliases, 0, 100_000),
    maxRootFields: readInt(env, "MAX_ROOT_FIELDS", DEFAULT_LIMITS.maxRootFields, 1, 10_000),
    maxCost: readInt(env, "MAX_COST", DEFAULT_LIMITS.maxCost, 1, 1_000_000_000),
    introspection: readBoolean(env, "INTROSPECTION", devMode),
    persistedOperationsFile: readString(env, "PERSISTED_OPERATIONS_FILE") ?? null,
    persistedOperationsOnly: readBoolean(env, "PERSISTED_OPERATIONS_ONLY", false),
  };
  if (config.persistedOperationsOnly && config.persistedOperationsFile === null) {
    throw new ConfigError("PERSISTED_OPERATIONS_ONLY=true needs PERSISTED_OPERATIONS_FILE (the manifest `npm run operations:manifest` writes)");
  }
  return config;
}
