// Optional demo data for a standalone registry (SEED_DEMO_PERSONS): loaded only into an
// empty silo, so a restart over a persisted PGlite directory or a real database never
// seeds twice or mixes demo rows into real ones.
import { loadDemo, type Logger, type Silo } from "@onceonly/shared";

export interface DemoSeedOptions {
  persons: number;
  seed: number;
}

/** Seeds the registry part of the demo data set; returns false when rk_jbxx already has rows. */
export async function seedDemoIfEmpty(silo: Silo, options: DemoSeedOptions, log: Logger): Promise<boolean> {
  const [row] = await silo.query<{ populated: boolean }>("SELECT EXISTS (SELECT 1 FROM rk_jbxx) AS populated");
  if (row?.populated) {
    log.info("rk_jbxx already holds persons; demo seed skipped");
    return false;
  }
  const started = Date.now();
  await loadDemo({ registry: silo }, { persons: options.persons, seed: options.seed });
  log.info({ persons: options.persons, seed: options.seed, ms: Date.now() - started }, "demo persons seeded");
  return true;
}
