// The licenses subgraph's per-request context: the shared request facts with fresh loaders.
import { createRequestContext, type RequestContext, type RequestMeta } from "@onceonly/shared";
import { createLoaders, type LicensesLoaders } from "./loaders.js";
import type { LicensesSources } from "./source/index.js";

export type LicensesContext = RequestContext<LicensesLoaders>;

export function createContext(sources: LicensesSources, meta: RequestMeta): LicensesContext {
  return createRequestContext("licenses", meta, createLoaders(sources));
}
