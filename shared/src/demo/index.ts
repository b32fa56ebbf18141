// Deterministic demo data for the three silos: generator, loader, showcase description.
export { generateDemo, describeDemo, type DemoBatch, type DemoCounts, type DemoShowcase } from "./generate.js";
export { loadDemo, copyText, type DemoSilos, type LoadDemoOptions, type LoadDemoResult } from "./load.js";
export { validateDemoOptions, MAX_DEMO_PERSONS, type DemoOptions } from "./options.js";
export { demoSiloHasData, resetDemoSilo } from "./silo-state.js";
export {
  DEMO_COLUMNS, DEMO_SILO_TABLES, DEMO_TABLES, demoRecords,
  type DemoRow, type DemoRows, type DemoTable, type DemoValue, type DemoSiloName,
} from "./tables.js";
export { LICENSE_TYPES, type DemoLicenseType, type LicenseTypeKey } from "./license-types.js";
export { MATTERS, type DemoMatter, type DemoMaterial, type MatterKey } from "./matters.js";
export { BUNDLES, type BundleKey, type DemoBundle, type DemoBundleMaterial } from "./bundles.js";
export { DEMO_REFERENCE_DATE } from "./dates.js";
export { Rng } from "./prng.js";
export { seedDemoOnStart } from "./seed-on-start.js";
export * from "./defects/index.js";
