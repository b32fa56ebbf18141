// The cases subgraph's per-request context: the shared request facts with fresh loaders,
// plus the sources (mutations run their own transactions) and the start-time services.
import { createRequestContext, type RequestContext, type RequestMeta } from "@onceonly/shared";
import { createLoaders, type CasesLoaders } from "./loaders.js";
import type { CasesServices } from "./services.js";
import type { CasesSources } from "./source/index.js";

export interface CasesContext extends RequestContext<CasesLoaders> {
  sources: CasesSources;
  services: CasesServices;
}

export function createCasesContext(sources: CasesSources, services: CasesServices, meta: RequestMeta): CasesContext {
  return { ...createRequestContext("cases", meta, createLoaders(sources)), sources, services };
}
