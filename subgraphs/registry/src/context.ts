// The registry subgraph's per-request context: the shared request facts with fresh loaders.
import { createRequestContext, type RequestContext, type RequestMeta } from "@onceonly/shared";
import { createLoaders, type RegistryLoaders } from "./loaders.js";
import type { RegistrySources } from "./source/index.js";

export type RegistryContext = RequestContext<RegistryLoaders> & {
  /** The adapters themselves, for reads that are not entity lookups (the quality scan). */
  sources: RegistrySources;
};

export function createContext(sources: RegistrySources, meta: RequestMeta): RegistryContext {
  return { ...createRequestContext("registry", meta, createLoaders(sources)), sources };
}
