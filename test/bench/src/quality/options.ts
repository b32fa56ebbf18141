// npm run bench:quality -- [flags]: the defaults are the (1,000,000 persons);
// smaller sizes are for developing, and the report says so.
import { parseArgs } from "node:util";

export interface QualityBenchOptions {
  persons: number;
  seed: number;
  /** Extra seed options, e.g. ["--defects", "0.01"] (part of the databases' marker). */
  seedArgs: string[];
  pgUrl: string;
  /** One run per value: streams side by side. */
  concurrency: number[];
  /** Partitions of each big cross-silo walk; undefined = the engine's default. */
  partitions: number | undefined;
  scanPageSize: number | undefined;
  federatedPageSize: number | undefined;
  /** The gateway's MAX_COST; undefined = its default. */
  maxCost: number | undefined;
  out: string | null;
  echo: boolean;
}

export const USAGE = `usage: npm run bench:quality -- [--persons N] [--seed S] [--defects RATE] [--pg-url postgres://…]
                                [--concurrency 1,2,…] [--partitions N] [--scan-page N] [--federated-page N] [--max-cost N]
                                [--out FILE | --no-doc] [--verbose]
  defaults: --persons 1000000 --seed 42 --concurrency 3 --pg-url postgres://postgres@127.0.0.1:5432/postgres
            --out docs/quality-benchmark.md (the engine's and the gateway's own defaults otherwise)`;

export class UsageError extends Error {}

export function parseQualityBenchOptions(argv: string[], defaultOut: string): QualityBenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        persons: { type: "string" }, seed: { type: "string" }, defects: { type: "string" }, "pg-url": { type: "string" },
        concurrency: { type: "string" }, partitions: { type: "string" }, "scan-page": { type: "string" }, "federated-page": { type: "string" }, "max-cost": { type: "string" },
        out: { type: "string" }, "no-doc": { type: "boolean" }, verbose: { type: "boolean" }, help: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, raw: string | undefined, min: number, max: number): number | undefined => {
    if (raw === undefined) return undefined;
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new UsageError(`--${name} "${raw}" must be a whole number from ${min} to ${max}`);
    return n;
  };
  const defects = values.defects as string | undefined;
  if (defects !== undefined && !(Number(defects) >= 0 && Number(defects) <= 1)) throw new UsageError(`--defects "${defects}" must be a rate from 0 to 1`);
  const concurrency = ((values.concurrency as string | undefined) ?? "3").split(",").map((c) => int("concurrency", c, 1, 6)!);
  return {
    persons: int("persons", values.persons as string | undefined, 100, 10_000_000) ?? 1_000_000,
    seed: int("seed", values.seed as string | undefined, 0, 0xffffffff) ?? 42,
    seedArgs: defects === undefined ? [] : ["--defects", defects],
    pgUrl: (values["pg-url"] as string | undefined) ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    concurrency,
    partitions: int("partitions", values.partitions as string | undefined, 1, 16),
    scanPageSize: int("scan-page", values["scan-page"] as string | undefined, 1, 50_000),
    federatedPageSize: int("federated-page", values["federated-page"] as string | undefined, 1, 10_000),
    maxCost: int("max-cost", values["max-cost"] as string | undefined, 1, 1_000_000_000),
    out: values["no-doc"] ? null : ((values.out as string | undefined) ?? defaultOut),
    echo: Boolean(values.verbose),
  };
}
