// Ground truth for the data quality report: the demo spoiled on purpose, rule by rule,
// with a manifest of every record each rule will find.
import { DEMO_REFERENCE_DATE } from "../dates.js";
import { loadDemo, type DemoSilos, type LoadDemoResult } from "../load.js";
import { validateDemoOptions } from "../options.js";
import type { Defect, DefectManifest, DefectOptions } from "./types.js";

export { DefectInjector, injectDefects } from "./injector.js";
export { DefectManifestWriter, type ManifestHeader } from "./manifest.js";
export {
  DEFECT_AS_OF, MAX_DEFECT_RATE, validateDefectRate,
  type Defect, type DefectManifest, type DefectOptions, type DefectRuleTally,
} from "./types.js";

/** Seeds the given silos with a spoiled demo and returns the whole manifest (kept in memory: for tests and small seeds). */
export async function loadDemoWithDefects(silos: DemoSilos, options: DefectOptions): Promise<{ manifest: DefectManifest; result: LoadDemoResult }> {
  const { persons, seed, batchPersons } = validateDemoOptions(options);
  const defects: Defect[] = [];
  const result = await loadDemo(silos, { persons, seed, batchPersons, defects: { rate: options.rate, onDefects: (d) => void defects.push(...d) } });
  return {
    manifest: { seed, persons, rate: options.rate, asOf: DEMO_REFERENCE_DATE, batchPersons, defects, rules: result.defects ?? [] },
    result,
  };
}
