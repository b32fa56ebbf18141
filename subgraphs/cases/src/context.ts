// The cases subgraph's per-request context: the shared request facts with fresh loaders.
import { createRequestContext, type RequestContext, type RequestMeta } from "@onceonly/shared";
import { createLoaders, type CasesLoaders } from "./loaders.js";
import type { CasesSources } from "./source/index.js";

export type CasesContext = RequestContext<CasesLoaders>;

export function createCasesContext(sources: CasesSources, meta: RequestMeta): CasesContext {
  return createRequestContext("cases", meta, createLoaders(sources));
}
