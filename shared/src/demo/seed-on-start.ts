// A subgraph started with SEED_DEMO_PERSONS loads its own part of the demo data set into
// an empty silo — the generator is deterministic, so the three silos agree without
// talking to each other. Never into a silo that holds data; once across replicas.
import { seedIfEmpty } from "../db/seed-if-empty.js";
import type { Silo } from "../db/silo.js";
import type { Logger } from "../log.js";
import { loadDemo } from "./load.js";
import { demoSiloHasData } from "./silo-state.js";
import type { DemoSiloName } from "./tables.js";

export async function seedDemoOnStart(
  silo: Silo,
  name: DemoSiloName,
  demo: { persons: number; seed: number } | null,
  log: Logger,
): Promise<boolean> {
  if (demo === null) return false;
  const seeded = await seedIfEmpty(
    silo,
    () => demoSiloHasData(silo, name),
    async () => {
      const result = await loadDemo({ [name]: silo }, demo);
      log.info({ ...demo, ms: result.ms }, `empty ${name} silo: demo data loaded`);
    },
  );
  if (!seeded) log.info(`${name} silo already holds data: demo seed skipped`);
  return seeded;
}
