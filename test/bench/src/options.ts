// npm run bench -- [flags]: the defaults are the (≥100,000 persons); smaller
// sizes and shorter runs are for developing the benchmark, and say so in the report.
import { parseArgs } from "node:util";
import { CONFIG_ORDER, type ConfigKey } from "./configs.js";
import { WORKLOAD_KEYS, type WorkloadKey } from "./workloads.js";

export interface BenchOptions {
  persons: number;
  seed: number;
  durationS: number;
  warmupS: number;
  connections: number;
  /** Distinct applicants (and licences) the requests are drawn from. */
  applicants: number;
  /** Applicants of the cache's best-case window lookup (0 = not measured). */
  hot: number;
  /** Window-lookup rounds of the configurations the targets compare (see ROUNDS_CONFIGS). */
  rounds: number;
  configs: ConfigKey[];
  workloads: WorkloadKey[];
  pgUrl: string;
  out: string | null;
  echo: boolean;
}

export const USAGE = `usage: npm run bench -- [--persons N] [--seed S] [--duration SECONDS] [--warmup SECONDS]
                        [--connections N] [--applicants N] [--hot N] [--rounds N] [--configs a,b,…] [--workloads a,b,…]
                        [--no-peers-cached] [--pg postgres://…] [--out FILE | --no-doc] [--verbose]
  defaults: --persons 100000 --seed 42 --duration 10 --warmup 2 --connections 20 --applicants 10000 --hot 200 --rounds 3
            --out docs/benchmarks.md --pg postgres://postgres@127.0.0.1:5432/postgres
  configs:   ${CONFIG_ORDER.join(", ")}
  workloads: ${WORKLOAD_KEYS.join(", ")}`;

export class UsageError extends Error {}

export function parseOptions(argv: string[], defaultOut: string): BenchOptions {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      options: {
        persons: { type: "string" }, seed: { type: "string" }, duration: { type: "string" }, warmup: { type: "string" },
        connections: { type: "string" }, applicants: { type: "string" }, hot: { type: "string" }, rounds: { type: "string" }, configs: { type: "string" }, workloads: { type: "string" },
        "no-peers-cached": { type: "boolean" }, pg: { type: "string" }, out: { type: "string" }, "no-doc": { type: "boolean" },
        verbose: { type: "boolean" }, help: { type: "boolean" },
      },
    }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const int = (name: string, fallback: number, min: number, max: number) => {
    const raw = values[name] as string | undefined;
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!/^\d+$/.test(raw) || n < min || n > max) throw new UsageError(`--${name} "${raw}" must be a whole number from ${min} to ${max}`);
    return n;
  };
  const list = <T extends string>(name: string, allowed: readonly T[], fallback: readonly T[]): T[] => {
    const raw = values[name] as string | undefined;
    if (raw === undefined) return [...fallback];
    const picked = raw.split(",").map((s) => s.trim()).filter(Boolean);
    const unknown = picked.filter((p) => !allowed.includes(p as T));
    if (unknown.length > 0 || picked.length === 0) throw new UsageError(`--${name}: unknown "${unknown.join(", ")}"; choose from ${allowed.join(", ")}`);
    return allowed.filter((a) => picked.includes(a));
  };
  const peersCached = !values["no-peers-cached"];
  const defaultConfigs = CONFIG_ORDER.filter((c) => peersCached || !c.endsWith("-cached"));
  return {
    persons: int("persons", 100_000, 100, 10_000_000),
    seed: int("seed", 42, 0, 0xffffffff),
    durationS: int("duration", 10, 1, 600),
    warmupS: int("warmup", 2, 0, 120),
    connections: int("connections", 20, 1, 1000),
    applicants: int("applicants", 10_000, 10, 1_000_000),
    hot: int("hot", 200, 0, 1_000_000),
    rounds: int("rounds", 3, 1, 9),
    configs: list("configs", CONFIG_ORDER, defaultConfigs),
    workloads: list("workloads", WORKLOAD_KEYS, WORKLOAD_KEYS),
    pgUrl: (values.pg as string | undefined) ?? process.env.BENCH_PG_URL ?? "postgres://postgres@127.0.0.1:5432/postgres",
    out: values["no-doc"] ? null : ((values.out as string | undefined) ?? defaultOut),
    echo: Boolean(values.verbose),
  };
}
