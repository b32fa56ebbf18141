// The per-request context of the cases subgraph: fresh loaders over the silo's sources.
import { logger, type RequestContext } from "@onceonly/shared";
import { createLoaders, type CasesLoaders } from "./loaders.js";
import type { CasesSources } from "./source/index.js";

export type CasesContext = RequestContext<CasesLoaders>;

export function createCasesContext(
  sources: CasesSources,
  meta: { requestId: string; purpose: string | null },
): CasesContext {
  return {
    requestId: meta.requestId,
    window: null, // filled from the gateway's signed identity in the security work
    purpose: meta.purpose,
    loaders: createLoaders(sources),
    log: logger.child({ subgraph: "cases", requestId: meta.requestId }),
  };
}
