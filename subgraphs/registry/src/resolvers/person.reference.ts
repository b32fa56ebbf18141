// Resolves Person representations that the gateway sends in `_entities`.
// Keys there come from other silos' data (a licence holder, a case applicant), not from a
// person typing: a legacy key with a wrong check digit may still name a real registry
// row, so only the shape is checked (a key that cannot be an ID number is not looked up).
import { normalizeIdNumber } from "@onceonly/shared";
import type { RegistryContext } from "../context.js";
import type { PersonRecord } from "../source/index.js";

const ID_NUMBER_SHAPE = /^\d{17}[\dX]$/;

export const personReference = {
  __resolveReference(reference: { idNumber?: unknown }, ctx: RegistryContext): Promise<PersonRecord | null> | null {
    if (typeof reference.idNumber !== "string") return null;
    const idNumber = normalizeIdNumber(reference.idNumber);
    return ID_NUMBER_SHAPE.test(idNumber) ? ctx.loaders.personByIdNumber.load(idNumber) : null;
  },
};
