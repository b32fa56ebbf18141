// Whether the registry holds a usable value for a registry field (sp_sxcl.sjx) of a
// registered person. A code outside its table (UNRECOGNIZED) is no usable value: the
// window could not put it on a form.
import { UNRECOGNIZED, UnreachableCaseError } from "@onceonly/shared";
import type { RegistryFieldValue } from "../source/index.js";
import type { PersonFacts } from "./facts.js";

export function registryValuePresent(person: PersonFacts, field: RegistryFieldValue): boolean {
  switch (field) {
    case "ID_NUMBER":
      return true; // the key itself
    case "NAME":
      return usable(person.name);
    case "SEX":
      return usable(person.sex);
    case "ETHNICITY":
      return usable(person.ethnicity);
    case "BIRTH_DATE":
      return usable(person.birthDate);
    case "ADDRESS":
      return usable(person.address);
    case "REGION":
      return usable(person.regionCode);
    case "MARITAL_STATUS":
      return usable(person.maritalStatus);
    case "HOUSEHOLD":
      return usable(person.household?.number);
    case "RELATIONSHIP_TO_HEAD":
      return usable(person.relationshipToHead);
    case "DECEASED":
      return true; // a flag: false is a value
    default:
      throw new UnreachableCaseError(field);
  }
}

function usable(value: string | null | undefined): boolean {
  return value !== null && value !== undefined && value !== "" && value !== UNRECOGNIZED;
}
