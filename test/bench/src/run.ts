// npm run bench: seeds the benchmark silos, starts the three subgraphs (without, then
// with the entity cache), puts each gateway in front of them in turn, drives the four
// window workloads with autocannon, prints the tables and writes docs/benchmarks.md.
// Exit 0 when every OnceOnly measurement ran clean (a peer that fails a workload is
// reported loudly, as a finding about the peer), 1 when one of OnceOnly's failed or the
// run broke, 2 for bad arguments. Everything it starts is stopped on exit, Ctrl-C included.
import "reflect-metadata"; // @onceonly/shared carries the GraphQL types too
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { existsSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describeDemo } from "@onceonly/shared";
import { analysis } from "./analysis.js";
import { prepareBenchAuth } from "./auth.js";
import { prepareBenchSilos, withClient } from "./bench-silos.js";
import { killAllNow, stopAll } from "./children.js";
import { CONFIGS } from "./configs.js";
import { renderDoc } from "./doc.js";
import { describeMachine } from "./machine.js";
import type { LoadOptions } from "./measure.js";
import { parseOptions, USAGE, UsageError, type BenchOptions } from "./options.js";
import { loadPools } from "./pools.js";
import type { ProbeLookup } from "./probe.js";
import { cpuTable, probeTable, ratiosTable, resultsTable, targets, targetsTable, type Row } from "./report.js";
import { roundsTable, settleRounds } from "./rounds.js";
import { runSession } from "./session.js";
import { buildWorkloads, seededRandom } from "./workloads.js";

const root = fileURLToPath(new URL("../../..", import.meta.url));
const started = Date.now();

async function main(): Promise<number> {
  let options: BenchOptions;
  try {
    options = parseOptions(process.argv.slice(2), join(root, "docs", "benchmarks.md"));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench: ${error.message}\n${USAGE}`);
    return 2;
  }
  for (const built of ["gateway/dist/index.js", "scripts/dist/seed.js", ...["registry", "licenses", "cases"].map((s) => `subgraphs/${s}/dist/index.js`)]) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first (npm run bench does)`);
  }

  log(`silos: ${options.persons} persons, seed ${options.seed}`);
  const silos = await prepareBenchSilos({ pgUrl: options.pgUrl, persons: options.persons, seed: options.seed, root });
  log(silos.seeded ? `seeded in ${(silos.seedMs / 1000).toFixed(0)} s` : "reusing the seeded bench databases");
  const pools = await loadPools(silos.urls, options.applicants, options.seed);
  const matter = describeDemo(options.seed).showcaseMatter;
  const workloads = buildWorkloads(pools, matter, seededRandom(options.seed)).filter((w) => options.workloads.includes(w.key));
  const load: LoadOptions = { connections: options.connections, durationS: options.durationS, warmupS: options.warmupS, seed: options.seed, checked: 10, purpose: matter };
  const postgres = await withClient(silos.urls.registry, async (c) => `PostgreSQL ${(await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v}`);

  const workDir = await mkdtemp(join(tmpdir(), "onceonly-bench-"));
  workDirs.push(workDir);
  await prepareBenchAuth(workDir, options.pgUrl);
  let rows: Row[] = [];
  const extraRounds: Row[] = [];
  const notes: string[] = [];
  let probe: ProbeLookup[] | null = null;
  let statementsDescription = "not measured";
  try {
    // Uncached first (OnceOnly cache off and the peers as deployed), then over the cache.
    for (const cached of [false, true]) {
      const configs = options.configs.map((k) => CONFIGS[k]).filter((c) => c.cached === cached);
      if (configs.length === 0) continue;
      const session = await runSession(cached, { root, workDir, databases: silos.urls, configs, workloads, load, hot: options.hot, rounds: options.rounds, echo: options.echo, log });
      rows.push(...session.rows);
      extraRounds.push(...session.rounds);
      notes.push(...session.notes);
      probe ??= session.probe;
      statementsDescription = session.statements;
    }
  } finally {
    await rm(workDir, { recursive: true, force: true });
  }

  const settled = settleRounds(rows, extraRounds);
  rows = settled.rows;
  const list = targets(rows, probe, settled.rounds);
  const machine = describeMachine(postgres);
  const noisiest = Math.max(0, ...rows.map((r) => (r.measurement ? (100 * r.measurement.cpu.other) / (r.measurement.durationS * 1000 * machine.cores) : 0)));
  if (noisiest > 15) notes.push(`**Disturbed**: processes other than the benchmark's used up to ${noisiest.toFixed(0)}% of the cores during a measurement (see the CPU table); re-run on a quiet machine.`);
  const why = analysis(rows, list, probe, machine.cores, { applicants: options.applicants, warmupS: options.warmupS });
  const args = process.argv.slice(2);
  const command = `npm run bench${args.length ? ` -- ${args.join(" ")}` : ""}`;
  const byRound = roundsTable(settled.rounds);
  console.log(`\n## Targets\n\n${targetsTable(list)}\n${why.map((w) => `\n- ${w}`).join("")}\n${byRound ? `\n## Window lookup, round by round\n\n${byRound}\n` : ""}\n## Results\n\n${resultsTable(rows)}\n\n## Ratios OnceOnly / peer\n\n${ratiosTable(rows)}\n\n## CPU ms per request\n\n${cpuTable(rows, machine.cores)}`);
  if (probe) console.log(`\n## Statements per window lookup (cache off)\n\n${probeTable(probe)}`);
  if (options.out) {
    const doc = renderDoc({ command, options, machine, statements: statementsDescription, seeded: { persons: options.persons, seedMs: silos.seedMs, reused: !silos.seeded }, elapsedS: (Date.now() - started) / 1000, notes }, rows, list, probe, why, settled.rounds);
    await writeFile(options.out, doc);
    log(`wrote ${relative(process.cwd(), options.out) || options.out}`);
  }
  // A peer that cannot answer a workload correctly is a finding about the peer, reported
  // loudly; OnceOnly failing one is a failed benchmark.
  const failed = rows.filter((r) => !r.measurement);
  if (failed.length > 0) {
    console.error(`\nbench: ${failed.length} measurement(s) FAILED:\n${failed.map((r) => `  ${CONFIGS[r.config].label} · ${r.label}: ${r.failure}`).join("\n")}`);
  }
  if (failed.some((r) => CONFIGS[r.config].gateway === "onceonly")) return 1;
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

function log(line: string): void {
  if (stopping) return; // after Ctrl-C, failures of what is being stopped are noise
  const s = ((Date.now() - started) / 1000).toFixed(0).padStart(4);
  console.log(`[bench ${s}s] ${line}`);
}

let stopping = false;
const workDirs: string[] = [];
async function stopEverything(code: number): Promise<never> {
  if (!stopping) {
    stopping = true;
    await stopAll().catch(() => killAllNow());
  }
  process.exit(code);
}
process.once("SIGINT", () => (console.error("bench: interrupted, stopping what it started"), void stopEverything(130)));
process.once("SIGTERM", () => void stopEverything(143));
process.on("exit", () => {
  killAllNow();
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

main().then(
  (code) => stopEverything(code),
  (error: Error) => {
    console.error(`bench failed: ${error.message}`);
    void stopEverything(1);
  },
);
