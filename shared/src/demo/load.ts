// Loads the demo into whichever silos are given, with COPY in batches, one batch in
// flight while the next is generated. Works on PostgreSQL and PGlite alike (both speak
// COPY through Silo.copyRows).
import type { Silo } from "../db/silo.js";
import { DefectInjector } from "./defects/injector.js";
import type { Defect, DefectRuleTally } from "./defects/types.js";
import { generateDemo, type DemoCounts } from "./generate.js";
import { validateDemoOptions } from "./options.js";
import { DEMO_COLUMNS, DEMO_SILO_TABLES, type DemoRow, type DemoSiloName } from "./tables.js";

export type DemoSilos = Partial<Record<DemoSiloName, Silo>>;

export interface LoadDemoOptions {
  persons: number;
  seed: number;
  batchPersons?: number;
  /** Called after each batch is written, with persons done and the total. */
  onProgress?(done: number, total: number): void;
  /**
   * Spoil the data on purpose for the quality report's ground truth (demo/defects/):
   * each batch is spoiled before it is written, and its manifest entries are handed to
   * onDefects first. Deterministic per (persons, seed, rate, batchPersons), so silos
   * seeded separately with the same options agree.
   */
  defects?: { rate: number; onDefects?(defects: Defect[]): void | Promise<void> };
}

export interface LoadDemoResult extends DemoCounts {
  ms: number;
  /** Per rule, what the defects option asked for and got (absent without it). */
  defects?: DefectRuleTally[];
}

export async function loadDemo(silos: DemoSilos, options: LoadDemoOptions): Promise<LoadDemoResult> {
  const started = performance.now();
  const { persons, seed, batchPersons } = validateDemoOptions(options);
  const targets = (Object.keys(DEMO_SILO_TABLES) as DemoSiloName[]).flatMap((name) => {
    const silo = silos[name];
    return silo ? DEMO_SILO_TABLES[name].map((table) => ({ silo, table })) : [];
  });
  const total: DemoCounts = { persons: 0, households: 0, organizations: 0, licenses: 0, cases: 0 };
  let inFlight: Promise<unknown> = Promise.resolve();
  let written = 0; // persons whose rows the in-flight writes carry
  const injector = options.defects ? new DefectInjector({ persons, seed, batchPersons, rate: options.defects.rate }) : null;
  for (const batch of generateDemo({ persons, seed, batchPersons })) {
    if (injector) {
      const defects = injector.apply(batch);
      await options.defects!.onDefects?.(defects);
    }
    const writes = targets
      .filter(({ table }) => batch.rows[table].length > 0)
      .map(({ silo, table }) => ({ silo, table, lines: batch.rows[table].map(copyText) }));
    await inFlight;
    if (written > 0) options.onProgress?.(written, persons);
    // Per silo, one table after another: PGlite is one connection, and on PostgreSQL
    // the three silos already give three concurrent COPY streams.
    const bySilo = new Map<Silo, typeof writes>();
    for (const w of writes) bySilo.set(w.silo, [...(bySilo.get(w.silo) ?? []), w]);
    inFlight = Promise.all(
      [...bySilo.values()].map(async (list) => {
        for (const w of list) await w.silo.copyRows(w.table, DEMO_COLUMNS[w.table], w.lines);
      }),
    );
    // Awaited on the next turn; until then a failure must not count as unhandled
    // (the generator may throw first, and then it is the error worth reporting).
    inFlight.catch(() => undefined);
    written = batch.personsDone;
    for (const key of Object.keys(total) as (keyof DemoCounts)[]) total[key] += batch.counts[key];
  }
  await inFlight;
  options.onProgress?.(persons, persons);
  return { ...total, ms: Math.round(performance.now() - started), ...(injector ? { defects: injector.summary() } : {}) };
}

const SPECIAL = /[\\\t\n\r]/;

/** One row in COPY text format (same output as copyLine, with a fast path for plain values). */
export function copyText(row: DemoRow): string {
  let line = "";
  for (let i = 0; i < row.length; i++) {
    const v = row[i];
    if (i > 0) line += "\t";
    if (v === null) line += "\\N";
    else if (typeof v === "number") line += v;
    else line += SPECIAL.test(v) ? v.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r") : v;
  }
  return line;
}
