// Person.licenses and Organization.licenses share one path: the filter picks a loader,
// the holder code is the key, so every holder in a response shares one statement.
import type { LicensesContext } from "../context.js";
import type { LicenseFilterArgs } from "../schema/license.args.js";
import type { LicenseFilter, LicenseRecord } from "../source/index.js";
import { checkTypeCode } from "./arguments.js";

export function holderLicenses(ctx: LicensesContext, holderCode: string, args: LicenseFilterArgs): Promise<LicenseRecord[]> {
  const filter: LicenseFilter = {
    statuses: args.status ?? null,
    types: args.types ? args.types.map((code) => checkTypeCode("types", code)) : null,
  };
  return ctx.loaders.licensesByHolder(filter).load(holderCode);
}
