// The licenses subgraph's per-request context: the shared request facts with fresh loaders.
import { createRequestContext, type ReceiptSigner, type RequestContext, type RequestMeta } from "@onceonly/shared";
import { createLoaders, type LicensesLoaders } from "./loaders.js";
import type { LicensesSources } from "./source/index.js";
import { createVerificationLoaders, type VerificationLoaders } from "./verification.loaders.js";

export type LicensesContext = RequestContext<LicensesLoaders> & {
  /** Signs verification receipts; null when the service was started without one. */
  signer: ReceiptSigner | null;
  /** Verification and usage batches: they read the silo, never the entity cache. */
  verification: VerificationLoaders;
  /** The adapters themselves, for reads that are not entity lookups (the quality lists). */
  sources: LicensesSources;
};

/** Services the process holds for all requests (the context only lends them). */
export interface LicensesServices {
  signer?: ReceiptSigner;
}

export function createContext(sources: LicensesSources, meta: RequestMeta, services: LicensesServices = {}): LicensesContext {
  return {
    ...createRequestContext("licenses", meta, createLoaders(sources)),
    signer: services.signer ?? null,
    verification: createVerificationLoaders(sources, meta),
    sources,
  };
}
