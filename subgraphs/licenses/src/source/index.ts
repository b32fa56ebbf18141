// The licence silo's adapter: everything that knows a dzzz_ table or a legacy code.
import type { Silo } from "@onceonly/shared";
import { LicenseTypesSource } from "./license-types.source.js";
import { LicensesSource } from "./licenses.source.js";
import { OrganizationsSource } from "./organizations.source.js";

export * from "./records.js";
export { LicensesSource, type TypeAndNumber } from "./licenses.source.js";
export { LicenseTypesSource } from "./license-types.source.js";
export { OrganizationsSource } from "./organizations.source.js";

export interface LicensesSources {
  licenses: LicensesSource;
  licenseTypes: LicenseTypesSource;
  organizations: OrganizationsSource;
}

export function createSources(silo: Silo): LicensesSources {
  return {
    licenses: new LicensesSource(silo),
    licenseTypes: new LicenseTypesSource(silo),
    organizations: new OrganizationsSource(silo),
  };
}
