// An organisation exists here only if the silo holds a licence under its credit code:
// null otherwise. A code failing only its check character is looked up (pilot-era codes
// are legal); any other malformed code is refused before SQL.
import type { LicensesContext } from "../context.js";
import type { OrganizationRecord } from "../source/index.js";
import { checkCreditCode } from "./arguments.js";

// async so a refusal rejects this one entity, not the whole _entities list.
export const organizationReference = {
  __resolveReference: async (ref: { creditCode: string }, ctx: LicensesContext): Promise<OrganizationRecord | null> =>
    ctx.loaders.organizationByCreditCode.load(checkCreditCode("creditCode", ref.creditCode).value),
};
