// License and LicenseType as other subgraphs refer to them (a case's material, a
// matter's required licence type): through the loaders, null for a missing row.
import type { LicensesContext } from "../context.js";
import type { LicenseRecord, LicenseTypeRecord } from "../source/index.js";

export const licenseReference = {
  // The identifier arrives from another silo, not from a person typing it: it is looked
  // up as stored, so a legacy identifier failing today's check still resolves.
  __resolveReference: (ref: { id: string }, ctx: LicensesContext): Promise<LicenseRecord | null> =>
    ctx.loaders.licenseById.load(ref.id),
};

export const licenseTypeReference = {
  __resolveReference: (ref: { code: string }, ctx: LicensesContext): Promise<LicenseTypeRecord | null> =>
    ctx.loaders.licenseTypeByCode.load(ref.code),
};
