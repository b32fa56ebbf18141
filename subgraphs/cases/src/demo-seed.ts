// First start of a demo: an empty catalogue means a fresh silo, so it gets the demo data.
// A silo that already has matters is never touched (restarts must not duplicate data).
import { loadDemo, type Logger, type Silo } from "@onceonly/shared";
import { MattersSource } from "./source/matters.source.js";

export async function seedDemoIfEmpty(silo: Silo, options: { persons: number; seed: number }, log: Logger): Promise<void> {
  if (!(await new MattersSource(silo).isEmpty())) return;
  log.info(options, "empty case silo: seeding demo data");
  await loadDemo({ cases: silo }, options);
}
