// Persisted operations: the window's operations, listed in a manifest in Apollo's format
// (apollo-persisted-query-manifest, as Apollo Client's and the Router's tooling read it),
// each named by the SHA-256 of its text. A request may send only
// `extensions.persistedQuery.sha256Hash` (the APQ shape) and the gateway runs the
// manifest's text; with PERSISTED_OPERATIONS_ONLY nothing else runs. The manifest is the
// only source: APQ registration by clients is impossible (the cache is read-only).
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import type { ApolloServerOptions, ApolloServerPlugin, BaseContext } from "@apollo/server";
import { GraphQLError, Kind, OperationTypeNode, parse, type OperationDefinitionNode } from "graphql";
import { ConfigError, logger } from "@onceonly/shared";
import type { LimitsConfig } from "./config.js";
import { operationsRefused } from "./metrics.js";

export const MANIFEST_FORMAT = "apollo-persisted-query-manifest";

export interface PersistedOperation {
  /** SHA-256 of `body`, hex: what APQ clients send as sha256Hash. */
  id: string;
  name: string;
  type: "query" | "mutation" | "subscription";
  body: string;
}

export interface PersistedOperationManifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  operations: PersistedOperation[];
}

type PersistedQueriesOption = Exclude<NonNullable<ApolloServerOptions<BaseContext>["persistedQueries"]>, false>;
type KeyValueCache = NonNullable<PersistedQueriesOption["cache"]>;

/** What ApolloServer takes: `new ApolloServer({ ..., plugins: [...plugins], persistedQueries })`. */
export interface PersistedOperationsOptions {
  plugins: ApolloServerPlugin<BaseContext>[];
  /** false when no manifest is configured: then a request carrying a hash is answered PERSISTED_QUERY_NOT_SUPPORTED. */
  persistedQueries: PersistedQueriesOption | false;
}

export function operationId(body: string): string {
  return createHash("sha256").update(body).digest("hex");
}

/** The manifest of these operations, in their order: the same text gives the same file. */
export function buildManifest(bodies: readonly string[]): PersistedOperationManifest {
  return {
    format: MANIFEST_FORMAT,
    version: 1,
    operations: bodies.map((body) => {
      const operation = singleOperation(body);
      return { id: operationId(body), name: operation.name!.value, type: operation.operation as PersistedOperation["type"], body };
    }),
  };
}

export function manifestJson(manifest: PersistedOperationManifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** The manifest in `path`, checked: Apollo's format, each id the SHA-256 of its body. */
export function readManifest(path: string): PersistedOperationManifest {
  let manifest: PersistedOperationManifest;
  try {
    manifest = JSON.parse(readFileSync(path, "utf8")) as PersistedOperationManifest;
  } catch (error) {
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE=${path} cannot be read as JSON: ${(error as Error).message}`);
  }
  if (manifest?.format !== MANIFEST_FORMAT || manifest.version !== 1 || !Array.isArray(manifest.operations)) {
    throw new ConfigError(`PERSISTED_OPERATIONS_FILE=${path} is not a manifest of format "${MANIFEST_FORMAT}", version 1, with "operations"`);
  }
  for (const [i, operation] of manifest.operations.entries()) {
    if (typeof operation?.body !== "string" || typeof operation.id !== "string") {
      throw new ConfigError(`PERSISTED_OPERATIONS_FILE=${path}: operation ${i} lacks a string "id" or "body"`);
    }
    // A stale id would make the window's requests fail as "not found" long after the edit.
    if (operation.id !== operationId(operation.body)) {
      throw new ConfigError(`PERSISTED_OPERATIONS_FILE=${path}: operation ${operation.name ?? i} has id ${operation.id}, but its body hashes to ${operationId(operation.body)}; regenerate with npm run operations:manifest`);
    }
  }
  return manifest;
}

export class PersistedQueryNotInListError extends GraphQLError {
  constructor(hash: string) {
    super(`operation ${hash} is not in the persisted operations list, and this gateway runs only listed operations (PERSISTED_OPERATIONS_ONLY)`, {
      extensions: { code: "PERSISTED_QUERY_NOT_IN_LIST", sha256Hash: hash, http: { status: 403 } },
    });
  }
}

/**
 * A read-only APQ cache over the manifest. Apollo Server prefixes the keys of its APQ
 * cache ("apq:" + hash, PrefixingKeyValueCache); both forms are answered. `set` is a
 * no-op: a client sending text and hash together gets its answer but registers nothing.
 */
export function manifestCache(manifest: PersistedOperationManifest): KeyValueCache {
  const bodies = new Map(manifest.operations.map((o) => [o.id, o.body]));
  return {
    async get(key: string) {
      return bodies.get(key.startsWith(APQ_PREFIX) ? key.slice(APQ_PREFIX.length) : key);
    },
    async set() {},
    async delete() {
      return false;
    },
  };
}

/** Apollo Server's APQ key prefix (APQ_CACHE_PREFIX in @apollo/server's request pipeline). */
const APQ_PREFIX = "apq:";

export function persistedOperations(config: Pick<LimitsConfig, "persistedOperationsFile" | "persistedOperationsOnly">): PersistedOperationsOptions {
  if (config.persistedOperationsFile === null) {
    if (config.persistedOperationsOnly) throw new ConfigError("PERSISTED_OPERATIONS_ONLY=true needs PERSISTED_OPERATIONS_FILE");
    // No manifest, no APQ: Apollo's default would let any client fill a cache with text.
    return { plugins: [], persistedQueries: false };
  }
  const manifest = readManifest(config.persistedOperationsFile);
  const log = logger.child({ component: "persisted-operations" });
  log.info({ file: config.persistedOperationsFile, operations: manifest.operations.length, only: config.persistedOperationsOnly }, "persisted operations loaded");
  const persistedQueries: PersistedQueriesOption = { cache: manifestCache(manifest) };
  if (!config.persistedOperationsOnly) return { plugins: [], persistedQueries };
  const listed = new Set(manifest.operations.map((o) => o.id));
  const refused = operationsRefused();
  const allowlist: ApolloServerPlugin<BaseContext> = {
    async requestDidStart() {
      return {
        // After parsing (Apollo catches a refusal only from here on), before planning.
        async didResolveOperation({ queryHash, operationName }) {
          if (listed.has(queryHash)) return;
          refused.inc({ reason: "not_persisted" });
          log.info({ queryHash, operationName }, "operation not in the persisted operations list refused");
          throw new PersistedQueryNotInListError(queryHash);
        },
      };
    },
  };
  return { plugins: [allowlist], persistedQueries };
}

// Private: the one named operation of a body, or an error naming the body.
function singleOperation(body: string): OperationDefinitionNode {
  const operations = parse(body).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const head = body.slice(0, 40).replace(/\s+/g, " ");
  if (operations.length !== 1) throw new Error(`a persisted operation holds exactly one operation; "${head}…" holds ${operations.length}`);
  if (!operations[0].name) throw new Error(`a persisted operation must be named; "${head}…" is anonymous`);
  if (operations[0].operation === OperationTypeNode.SUBSCRIPTION) throw new Error(`"${head}…": the gateway serves no subscriptions`);
  return operations[0];
}
