// Resolves Household representations sent in `_entities`. A key that cannot be a 户号
// is not looked up: it resolves to null like a missing household.
import type { RegistryContext } from "../context.js";
import type { HouseholdRecord } from "../source/index.js";
import { validateHouseholdNumber } from "./arguments.js";

export const householdReference = {
  __resolveReference(reference: { number?: unknown }, ctx: RegistryContext): Promise<HouseholdRecord | null> | null {
    if (typeof reference.number !== "string") return null;
    const checked = validateHouseholdNumber(reference.number);
    return checked.ok ? ctx.loaders.householdByNumber.load(checked.value) : null;
  },
};
