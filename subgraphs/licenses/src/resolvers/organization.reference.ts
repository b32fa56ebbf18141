// Organization representations from other subgraphs (a case's applicant, a licence's
// holder). A code failing only its check character resolves (pilot-era codes are legal);
// any other malformed code is refused before SQL. A well-formed code the silo holds no
// licence under still resolves — name and the other licence-derived fields null, its
// licence lists empty — because fields that @require licence data (a case's readiness)
// need a representation for every applicant, and "holds nothing here" is their answer.
// The reference itself costs no SQL: the fields load through the request's loaders.
import type { OrganizationRef } from "../source/index.js";
import { checkCreditCode } from "./arguments.js";

// async so a refusal rejects this one entity, not the whole _entities list.
export const organizationReference = {
  __resolveReference: async (ref: { creditCode: string }): Promise<OrganizationRef> => ({
    creditCode: checkCreditCode("creditCode", ref.creditCode).value,
  }),
};
