// The licences subgraph's per-request context: the shared RequestContext with its loaders.
import { logger, type RequestContext } from "@onceonly/shared";
import { createLoaders, type LicensesLoaders } from "./loaders.js";
import type { LicensesSources } from "./source/index.js";

export type LicensesContext = RequestContext<LicensesLoaders>;

export interface RequestMeta {
  requestId: string;
  purpose: string | null;
}

export function createContext(sources: LicensesSources, meta: RequestMeta): LicensesContext {
  return {
    requestId: meta.requestId,
    // The gateway's forwarded identity is read here once request signing lands.
    window: null,
    purpose: meta.purpose,
    loaders: createLoaders(sources),
    log: logger.child({ service: "licenses", requestId: meta.requestId }),
  };
}
