// npm run seed -- --persons N --seed S [--reset] [--defects RATE] [--manifest FILE]
// Fills the three silos with the deterministic demo data: PostgreSQL where
// <SILO>_DATABASE_URL is set, embedded PGlite under DATA_DIR otherwise. A silo that
// already holds data is left alone unless --reset asks to empty it first. --defects
// spoils about RATE of the records every quality rule checks (the report's ground truth)
// and --manifest writes, as it goes, every record each rule will then find at the
// manifest's asOf; without --defects the manifest is empty (a clean seed finds nothing).
import "reflect-metadata";
import { mkdir } from "node:fs/promises";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Presets, SingleBar } from "cli-progress";
import {
  DEFECT_AS_OF, DefectManifestWriter, demoSiloHasData, loadDemo, MAX_DEFECT_RATE, MAX_DEMO_PERSONS, openSilo, PgliteSilo,
  readSiloConfig, readString, resetDemoSilo, validateDemoOptions, type DemoSiloName, type Silo,
} from "@onceonly/shared";
import { parseCli, UsageError } from "./cli.js";

const USAGE = `usage: npm run seed -- [--persons N] [--seed S] [--reset] [--defects RATE] [--manifest FILE]
  defaults: --persons 2000 --seed 42, no defects
  --defects RATE   spoil about RATE (0 < RATE <= ${MAX_DEFECT_RATE}, e.g. 0.01) of the records each data quality rule checks
  --manifest FILE  write the records each rule will find at the report day ${DEFECT_AS_OF} (JSON)`;
const root = fileURLToPath(new URL("../..", import.meta.url));
const SILOS: DemoSiloName[] = ["registry", "licenses", "cases"];

interface Args {
  persons: number;
  seed: number;
  reset: boolean;
  defects: number;
  manifest: string | null;
}

function parse(argv: string[]): Args {
  const values = parseCli(
    argv,
    { persons: { type: "string" }, seed: { type: "string" }, reset: { type: "boolean" }, defects: { type: "string" }, manifest: { type: "string" } } as const,
    USAGE,
  );
  const integer = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || !Number.isSafeInteger(n) || n < min || n > max) {
      throw new UsageError(`--${name} "${raw}" must be a whole number from ${min} to ${max}`);
    }
    return n;
  };
  let defects = 0;
  if (values.defects !== undefined) {
    defects = Number(values.defects);
    if (!/^\s*(0|[1-9]\d*)?(\.\d+)?\s*$/.test(values.defects) || !(defects > 0) || defects > MAX_DEFECT_RATE) {
      throw new UsageError(`--defects "${values.defects}" must be a rate above 0 and at most ${MAX_DEFECT_RATE} (e.g. 0.01: 1 % of each rule's records)`);
    }
  }
  if (values.manifest !== undefined && values.manifest.trim() === "") throw new UsageError("--manifest needs a file name");
  return {
    persons: integer("persons", values.persons, 2000, 1, MAX_DEMO_PERSONS),
    seed: integer("seed", values.seed, 42, 0, 0xffffffff),
    reset: values.reset ?? false,
    defects,
    manifest: values.manifest ?? null,
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
  let manifest: DefectManifestWriter | null = null;
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
    const { batchPersons } = validateDemoOptions({ persons: args.persons, seed: args.seed });
    if (args.manifest) {
      const path = resolve(process.env.INIT_CWD ?? process.cwd(), args.manifest);
      manifest = await DefectManifestWriter.open(path, { seed: args.seed, persons: args.persons, rate: args.defects, asOf: DEFECT_AS_OF, batchPersons });
      args.manifest = path;
    }
    const spoiled = args.defects > 0 ? `, spoiling ${args.defects} of what each quality rule checks` : "";
    console.log(`seeding ${args.persons} persons (seed ${args.seed}${spoiled}) into ${SILOS.map(where).join(", ")}`);
    const bar = new SingleBar({ format: "{bar} {percentage}% | {value}/{total} persons | {duration_formatted} | ETA {eta_formatted}", etaBuffer: 20 }, Presets.shades_classic);
    bar.start(args.persons, 0);
    const writer = manifest;
    const result = await loadDemo(silos, {
      persons: args.persons,
      seed: args.seed,
      onProgress: (done) => bar.update(done),
      ...(args.defects > 0 ? { defects: { rate: args.defects, onDefects: (d) => writer?.add(d) } } : {}),
    });
    bar.stop();
    console.log(
      `seeded ${result.persons} persons, ${result.households} households, ${result.organizations} organisations, ` +
        `${result.licenses} licences, ${result.cases} cases in ${(result.ms / 1000).toFixed(result.ms < 10_000 ? 1 : 0)} s`,
    );
    if (result.defects) {
      const listed = result.defects.reduce((n, r) => n + r.spoiled + r.caused, 0);
      const short = result.defects.filter((r) => r.spoiled < r.target).map((r) => `${r.rule} ${r.spoiled}/${r.target}`);
      console.log(`spoiled records for ${result.defects.length} rules: ${listed} findings expected at ${DEFECT_AS_OF}` + (short.length ? ` (fewer candidates than asked: ${short.join(", ")})` : ""));
    }
    if (manifest && args.manifest) {
      await manifest.close(result.defects ?? []);
      manifest = null;
      console.log(`manifest: ${args.manifest}`);
    }
    return 0;
  } finally {
    manifest?.destroy();
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
