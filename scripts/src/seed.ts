// npm run seed -- --persons N --seed S [--reset]
// Fills the three silos with the deterministic demo data: PostgreSQL where
// <SILO>_DATABASE_URL is set, embedded PGlite under DATA_DIR otherwise. A silo that
// already holds data is left alone unless --reset asks to empty it first.
import "reflect-metadata";
import { mkdir } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { Presets, SingleBar } from "cli-progress";
import {
  demoSiloHasData, loadDemo, MAX_DEMO_PERSONS, openSilo, PgliteSilo, readSiloConfig, readString, resetDemoSilo,
  type DemoSiloName, type Silo,
} from "@onceonly/shared";
import { parseCli, UsageError } from "./cli.js";

const USAGE = "usage: npm run seed -- [--persons N] [--seed S] [--reset]   (defaults: --persons 2000 --seed 42)";
const root = fileURLToPath(new URL("../..", import.meta.url));
const SILOS: DemoSiloName[] = ["registry", "licenses", "cases"];

function parse(argv: string[]): { persons: number; seed: number; reset: boolean } {
  const values = parseCli(argv, { persons: { type: "string" }, seed: { type: "string" }, reset: { type: "boolean" } } as const, USAGE);
  const integer = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} "${raw}" must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
  return {
    persons: integer("persons", values.persons, 2000, 1, MAX_DEMO_PERSONS),
    seed: integer("seed", values.seed, 42, 0, 0xffffffff),
    reset: values.reset ?? false,
  };
}

async function main(): Promise<number> {
  let args;
  try {
    args = parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`seed: ${error.message}\n${USAGE}`);
    return 2;
  }
  const env = process.env;
  const dataDir = readString(env, "DATA_DIR") ?? join(root, ".data");
  const configs = SILOS.map((name) => ({ name, ...readSiloConfig(env, name.toUpperCase()) }));
  if (configs.some((c) => !c.databaseUrl)) {
    await mkdir(dataDir, { recursive: true });
    await PgliteSilo.createTemplate(join(dataDir, ".template"));
  }
  const silos: Partial<Record<DemoSiloName, Silo>> = {};
  try {
    for (const c of configs) {
      silos[c.name] = await openSilo({ name: c.name, databaseUrl: c.databaseUrl, dataDir, migrations: join(root, "subgraphs", c.name, "migrations") });
    }
    const where = (name: DemoSiloName) => (configs.find((c) => c.name === name)?.databaseUrl ? `PostgreSQL (${name.toUpperCase()}_DATABASE_URL)` : `PGlite in ${join(dataDir, name)}`);
    const full: DemoSiloName[] = [];
    for (const name of SILOS) if (await demoSiloHasData(silos[name]!, name)) full.push(name);
    if (full.length > 0 && !args.reset) {
      console.error(`seed: ${full.map((n) => `the ${n} silo (${where(n)})`).join(", ")} already ${full.length > 1 ? "hold" : "holds"} data; nothing was changed.`);
      console.error("      Run again with --reset to empty the silos first (TRUNCATE), then seed.");
      return 1;
    }
    for (const name of full) await resetDemoSilo(silos[name]!, name);
    console.log(`seeding ${args.persons} persons (seed ${args.seed}) into ${SILOS.map(where).join(", ")}`);
    const bar = new SingleBar({ format: "{bar} {percentage}% | {value}/{total} persons | {duration_formatted} | ETA {eta_formatted}", etaBuffer: 20 }, Presets.shades_classic);
    bar.start(args.persons, 0);
    const result = await loadDemo(silos, { persons: args.persons, seed: args.seed, onProgress: (done) => bar.update(done) });
    bar.stop();
    console.log(
      `seeded ${result.persons} persons, ${result.households} households, ${result.organizations} organisations, ` +
        `${result.licenses} licences, ${result.cases} cases in ${(result.ms / 1000).toFixed(result.ms < 10_000 ? 1 : 0)} s`,
    );
    return 0;
  } finally {
    await Promise.all(Object.values(silos).map((s) => s.close()));
  }
}

main().then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`seed failed: ${error.message}`);
    process.exit(1);
  },
);
