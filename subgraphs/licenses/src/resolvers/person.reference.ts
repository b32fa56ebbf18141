// The registry owns Person: a valid ID number is all this subgraph needs to list a
// person's licences, so the reference costs no SQL (Person.licenses batches instead).
// Registry facts the gateway sends along for a field that @requires them (registered,
// name, deceased: quality/federated/) stay on the stub for that field to read.
import type { PersonRef } from "../source/index.js";
import { checkIdNumber } from "./arguments.js";

// async so a refusal rejects this one entity (null at _entities[i] plus an error), not
// the whole _entities list.
export const personReference = {
  __resolveReference: async (ref: { idNumber: string } & Record<string, unknown>): Promise<PersonRef> => ({ ...ref, idNumber: checkIdNumber("idNumber", ref.idNumber) }),
};
