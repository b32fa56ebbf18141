// Resolves Person representations that the gateway sends in `_entities`.
// Keys there come from other silos' data (a licence holder, a case applicant), not from a
// person typing: a legacy key with a wrong check digit may still name a real registry
// row, so only the shape is checked (a key that cannot be an ID number is not looked up).
//
// A well-formed key the registry holds no row for resolves to a stub (registered: false)
// rather than null: other subgraphs' fields that @require registry fields (a case's
// readiness for an applicant) need a representation for everyone, and "not registered
// here" is itself the answer they judge. Root person(idNumber) still answers null.
import { normalizeIdNumber } from "@onceonly/shared";
import type { RegistryContext } from "../context.js";
import type { PersonRecord } from "../source/index.js";

const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

export const personReference = {
  __resolveReference(reference: { idNumber?: unknown }, ctx: RegistryContext): Promise<PersonRecord> | null {
    if (typeof reference.idNumber !== "string") return null;
    const idNumber = normalizeIdNumber(reference.idNumber);
    if (!ID_NUMBER_SHAPE.test(idNumber)) return null;
    return ctx.loaders.personByIdNumber.load(idNumber).then((person) => person ?? unregistered(idNumber));
  },
};

/** The stub for an ID number the registry holds no record for. */
export function unregistered(idNumber: string): PersonRecord {
  return {
    idNumber,
    registered: false,
    recordKey: null,
    name: null,
    sex: null,
    ethnicity: null,
    birthDate: null,
    address: null,
    region: null,
    maritalStatus: null,
    deceased: false,
    relationshipToHead: null,
    updatedAt: null,
    householdNumber: null,
  };
}
