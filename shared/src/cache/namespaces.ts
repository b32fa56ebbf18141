// Every namespace of the entity cache, in one place, with how long its entries live.
// A namespace carries a shape version: change the record it holds and bump it, so no
// replica decodes an entry of the old shape. Two lifetimes:
// - "entity": CACHE_TTL_SECONDS. Entries a change feed invalidates; the TTL is only the
//   worst-case bound when both LISTEN and the polling backstop are lost.
// - "catalogue": reference data that changes by an announced administrative act and has
//   no change feed (licence types, the matter catalogue): long-lived, TTL-bounded.
// "scope" namespaces hold generation tokens (scoped-batch.ts): forgetting an owner
// (an applicant, a licence holder) drops every list variant cached for it at once.

export type CacheLifetime = "entity" | "catalogue";

export interface CacheNamespace {
  readonly name: string;
  readonly lifetime: CacheLifetime;
}

/** How long catalogue entries live unless a service is told otherwise. */
export const DEFAULT_CATALOGUE_TTL_SECONDS = 3600;

const entity = (name: string): CacheNamespace => ({ name, lifetime: "entity" });
const catalogue = (name: string): CacheNamespace => ({ name, lifetime: "catalogue" });

export const CACHE_NAMESPACES = {
  registry: {
    /** Key: ID number → PersonRecord (the current row). */
    person: entity("registry:person:v1"),
    /** Key: 户号 → HouseholdRecord. */
    household: entity("registry:household:v1"),
    /** Key: 户号 → ID numbers of the current members, head first. */
    members: entity("registry:members:v1"),
  },
  licenses: {
    /** Key: 证照标识 → LicenseRecord. */
    license: entity("licenses:license:v1"),
    /** Key: 证照类型代码 → LicenseTypeRecord. */
    type: catalogue("licenses:type:v1"),
    /** Key: holder code → generation of that holder's lists. */
    holderScope: entity("licenses:holder-scope:v1"),
    /** Key: holder code @ generation : filter → 证照标识 list, newest first. */
    holderLicenses: entity("licenses:holder-licenses:v1"),
  },
  cases: {
    /** Key: 办件编号 → CaseRecord. */
    case: entity("cases:case:v1"),
    /** Key: applicant ID number or credit code → generation of that applicant's pages. */
    applicantScope: entity("cases:applicant-scope:v1"),
    /** Key: applicant @ generation : page definition → CasePage. */
    applicantPage: entity("cases:applicant-page:v1"),
    /** Key: bundle case number → its member case numbers. */
    bundleMembers: entity("cases:bundle-members:v1"),
    /** Key: member case number → its bundle case number ("" = none). */
    bundleOf: entity("cases:bundle-of:v1"),
    /** Key: 事项编码 → MatterRecord. */
    matter: catalogue("cases:matter:v1"),
    /** Key: 事项编码 → MaterialRecord[]. */
    materials: catalogue("cases:materials:v1"),
    /** Key: bundle 事项编码 → member MatterRecord[]. */
    bundleMatters: catalogue("cases:bundle-matters:v1"),
  },
} as const satisfies Record<string, Record<string, CacheNamespace>>;

/** The TTLs a service runs with (CACHE_TTL_SECONDS; the catalogue's own, or the default). */
export interface CacheTtls {
  ttlSeconds: number;
  catalogueTtlSeconds?: number;
}

export function ttlOf(namespace: CacheNamespace, ttls: CacheTtls): number {
  return namespace.lifetime === "catalogue" ? (ttls.catalogueTtlSeconds ?? DEFAULT_CATALOGUE_TTL_SECONDS) : ttls.ttlSeconds;
}
