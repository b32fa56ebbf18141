// Shared by the demo tests: a whole dataset gathered into one set of rows, as objects.
import { DEMO_TABLES, demoRecords, generateDemo, type DemoRow, type DemoTable, type DemoValue } from "@onceonly/shared";

export type Rec = Record<string, DemoValue>;

export function collectRows(persons: number, seed: number, batchPersons?: number): Record<DemoTable, DemoRow[]> {
  const all = Object.fromEntries(DEMO_TABLES.map((t) => [t, [] as DemoRow[]])) as Record<DemoTable, DemoRow[]>;
  for (const batch of generateDemo({ persons, seed, batchPersons })) {
    for (const t of DEMO_TABLES) for (const row of batch.rows[t]) all[t].push(row);
  }
  return all;
}

export function collectRecords(persons: number, seed: number): Record<DemoTable, Rec[]> {
  const rows = collectRows(persons, seed);
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, demoRecords(t, rows[t])])) as Record<DemoTable, Rec[]>;
}
