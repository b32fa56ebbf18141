// Per-request DataLoaders: every entity lookup and nested list in the registry goes
// through one of these, so N persons cost one statement per entity type, not N.
// Created per request: a loader's cache must never serve one window another's reads.
import DataLoader from "dataloader";
import type { HouseholdRecord, PersonRecord, RegistrySources } from "./source/index.js";

export interface RegistryLoaders {
  /** Key: a normalised ID number. */
  personByIdNumber: DataLoader<string, PersonRecord | null>;
  /** Key: 户号. */
  householdByNumber: DataLoader<string, HouseholdRecord | null>;
  /** Key: 户号 → its current members, head first. */
  membersByHousehold: DataLoader<string, PersonRecord[]>;
}

export function createLoaders(sources: RegistrySources): RegistryLoaders {
  return {
    personByIdNumber: new DataLoader((ids) => sources.persons.byIdNumbers(ids), { name: "personByIdNumber" }),
    householdByNumber: new DataLoader((numbers) => sources.households.byNumbers(numbers), { name: "householdByNumber" }),
    membersByHousehold: new DataLoader((numbers) => sources.persons.membersOf(numbers), { name: "membersByHousehold" }),
  };
}
