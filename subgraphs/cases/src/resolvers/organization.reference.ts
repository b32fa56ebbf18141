// Organization representations from the gateway: the credit code is checked (GB 32100)
// and becomes the stub that `cases` and `readiness` hang off. A code failing only its
// check character is a legal pilot-era code and resolves like any other. The rest of the
// representation rides along for readiness (see person.reference.ts).
import type { CasesOrganization } from "../schema/applicant.type.js";
import { checkCreditCode } from "./arguments.js";

export const organizationReference = {
  // async: a refusal must fail this representation only; @apollo/subgraph lets a
  // synchronous throw fail the whole _entities list.
  async __resolveReference(reference: { creditCode: unknown } & Record<string, unknown>): Promise<Pick<CasesOrganization, "creditCode" | "representation">> {
    return { creditCode: checkCreditCode("creditCode", reference.creditCode), representation: reference };
  },
};
