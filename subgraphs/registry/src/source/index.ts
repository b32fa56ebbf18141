// The registry silo's adapters, built once per service over one Silo.
import type { Silo } from "@onceonly/shared";
import { RegistryQualityScan } from "../quality/registry-scan.js";
import { HouseholdsSource } from "./households.source.js";
import { PersonsSource } from "./persons.source.js";
import type { RegistryCache } from "./registry.cache.js";

export interface RegistrySources {
  persons: PersonsSource;
  households: HouseholdsSource;
  /** The REG_* data quality scan (reads the silo itself, never the cache). */
  quality: RegistryQualityScan;
  /** The entity cache behind the loaders (undefined = none). */
  cache?: RegistryCache;
}

export function createSources(silo: Silo, cache?: RegistryCache): RegistrySources {
  return { persons: new PersonsSource(silo), households: new HouseholdsSource(silo), quality: new RegistryQualityScan(silo), cache };
}

export type { PersonRecord, HouseholdRecord } from "./records.js";
export { REGISTRY_NAMESPACES, forgetRegistryKeys, type RegistryCache } from "./registry.cache.js";
