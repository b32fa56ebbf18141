// The registry silo's adapters, built once per service over one Silo.
import type { Silo } from "@onceonly/shared";
import { HouseholdsSource } from "./households.source.js";
import { PersonsSource } from "./persons.source.js";

export interface RegistrySources {
  persons: PersonsSource;
  households: HouseholdsSource;
}

export function createSources(silo: Silo): RegistrySources {
  return { persons: new PersonsSource(silo), households: new HouseholdsSource(silo) };
}

export type { PersonRecord, HouseholdRecord } from "./records.js";
