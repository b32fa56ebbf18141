// Builds the plans of the operations the gateway knows, before the first request: the
// planner is the gateway's slowest step (tens of ms for the window lookup), and a clerk's
// first lookup after a deploy must not pay it. Runs on every supergraph (re)load, right
// after the gateway has cleared its plan store.
//
// The keys are @apollo/gateway's own: Apollo Server's queryHash (SHA-256 of the query
// text), or SHA-256(queryHash + operationName) when the client names the operation. Both
// are pinned, for the text as written and with its whitespace collapsed (as curl examples
// send it). A test asserts that the first request after start does not plan, which fails
// if Apollo ever changes the key.
import { createHash } from "node:crypto";
import { operationFromDocument, Supergraph } from "@apollo/federation-internals";
import { QueryPlanner } from "@apollo/query-planner";
import { Kind, parse, print, type DocumentNode } from "graphql";
import type { Logger } from "@onceonly/shared";
import type { PlanCache } from "./plan-cache.js";

export function planCacheKeys(query: string, operationName: string | null): string[] {
  const queryHash = createHash("sha256").update(query).digest("hex");
  return operationName === null ? [queryHash] : [queryHash, createHash("sha256").update(queryHash).update(operationName).digest("hex")];
}

/** Pins a plan for each operation; returns how many were planned. An operation the supergraph cannot serve is logged and skipped. */
export function warmPlans(options: {
  supergraphSdl: string;
  operations: readonly string[];
  cache: PlanCache;
  log: Logger;
  /** What the gateway executes instead of the text as sent (the policy step's rewrite); its printed form is then the key. */
  transform?: (document: DocumentNode) => DocumentNode;
}): number {
  if (options.operations.length === 0) return 0;
  // The gateway validated this supergraph a moment ago.
  const supergraph = Supergraph.build(options.supergraphSdl, { validateSupergraph: false });
  const apiSchema = supergraph.apiSchema();
  const planner = new QueryPlanner(supergraph);
  let planned = 0;
  for (const text of options.operations) {
    try {
      const parsed = parse(text);
      const [operation, ...others] = parsed.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
      if (!operation || others.length > 0) throw new Error("expected exactly one operation in the document");
      const name = operation.name?.value ?? null;
      const document = options.transform ? options.transform(parsed) : parsed;
      const plan = planner.buildQueryPlan(operationFromDocument(apiSchema, document, { operationName: name ?? undefined }));
      const variants = options.transform ? [print(document)] : [text, text.replace(/\s+/g, " ")];
      for (const variant of new Set(variants)) {
        for (const key of planCacheKeys(variant, name)) options.cache.pin(key, plan);
      }
      planned++;
    } catch (error) {
      options.log.warn({ err: error, operation: text.slice(0, 80) }, "could not plan a known operation at start; it will be planned on first use");
    }
  }
  return planned;
}
