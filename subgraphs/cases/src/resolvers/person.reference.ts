// Person representations from the gateway. This subgraph holds no person records, only
// their cases, so resolving one needs no SQL: the key is checked (GB 11643, before any
// silo is asked about it) and becomes the stub that `cases` hangs off.
import type { CasesPerson } from "../schema/applicant.type.js";
import { checkIdNumber } from "./arguments.js";

export const personReference = {
  // async: a refusal must fail this representation only; @apollo/subgraph lets a
  // synchronous throw fail the whole _entities list.
  async __resolveReference(reference: { idNumber: unknown }): Promise<CasesPerson> {
    return { idNumber: checkIdNumber("idNumber", reference.idNumber) };
  },
};
