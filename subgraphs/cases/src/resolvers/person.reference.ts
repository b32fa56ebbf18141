// Person representations from the gateway. This subgraph holds no person records, only
// their cases, so resolving one needs no SQL: the key is checked (GB 11643, before any
// silo is asked about it) and becomes the stub that `cases` and `readiness` hang off.
// The rest of the representation (the registry's and licence library's facts, present
// when readiness is asked) rides along unparsed: only readiness reads it, so facts it
// cannot use fail readiness alone, not the person's cases.
import type { CasesPerson } from "../schema/applicant.type.js";
import { checkIdNumber } from "./arguments.js";

export const personReference = {
  // async: a refusal must fail this representation only; @apollo/subgraph lets a
  // synchronous throw fail the whole _entities list.
  async __resolveReference(reference: { idNumber: unknown } & Record<string, unknown>): Promise<Pick<CasesPerson, "idNumber" | "representation">> {
    return { idNumber: checkIdNumber("idNumber", reference.idNumber), representation: reference };
  },
};
