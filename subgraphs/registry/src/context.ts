// The registry's per-request context: the shared RequestContext with its own loaders.
import { logger, type RequestContext } from "@onceonly/shared";
import { createLoaders, type RegistryLoaders } from "./loaders.js";
import type { RegistrySources } from "./source/index.js";

export type RegistryContext = RequestContext<RegistryLoaders>;

export interface RequestMeta {
  requestId: string;
  purpose: string | null;
}

export function createContext(sources: RegistrySources, meta: RequestMeta): RegistryContext {
  return {
    requestId: meta.requestId,
    // The gateway's forwarded identity is read here once request signing lands.
    window: null,
    purpose: meta.purpose,
    loaders: createLoaders(sources),
    log: logger.child({ subgraph: "registry", requestId: meta.requestId }),
  };
}
