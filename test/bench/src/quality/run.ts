// npm run bench:quality: seeds (or reuses) the benchmark's PostgreSQL silos, starts the
// three subgraphs and the gateway as processes, runs the quality engine (in a process of
// its own) as the data steward, once per --concurrency value, prints records/s in total
// and per phase, wall time and every process's peak RSS, and writes docs/quality-benchmark.md.
// Exit 0 when every run completed, 1 when one failed, 2 for bad arguments. Everything it
// starts is stopped on exit, Ctrl-C included.
import "reflect-metadata"; // @onceonly/shared carries the GraphQL types too
import { fork } from "node:child_process";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { mkdtemp, writeFile } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { DEMO_REFERENCE_DATE } from "@onceonly/shared";
import { prepareBenchSilos, withClient } from "../bench-silos.js";
import { killAllNow, stopAll } from "../children.js";
import { cpuDifference, cpuSnapshot } from "../cpu.js";
import { describeMachine } from "../machine.js";
import type { EngineMessage, EngineRequest } from "./engine-child.js";
import { parseQualityBenchOptions, USAGE, UsageError, type QualityBenchOptions } from "./options.js";
import { phaseTable, processTable, renderQualityDoc, runTable, type RunFigures, type SiloSizes } from "./report.js";
import { startQualityServices } from "./services.js";

const root = fileURLToPath(new URL("../../../..", import.meta.url));
const started = Date.now();
const workDirs: string[] = [];

async function main(): Promise<number> {
  let options: QualityBenchOptions;
  try {
    options = parseQualityBenchOptions(process.argv.slice(2), join(root, "docs", "quality-benchmark.md"));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`bench:quality: ${error.message}\n${USAGE}`);
    return 2;
  }
  for (const built of ["gateway/dist/index.js", "scripts/dist/seed.js", "scripts/dist/quality/engine/index.js", ...["registry", "licenses", "cases"].map((s) => `subgraphs/${s}/dist/index.js`)]) {
    if (!existsSync(join(root, built))) throw new Error(`${built} is missing: run npm run build first (npm run bench:quality does)`);
  }

  log(`silos: ${options.persons.toLocaleString("en-US")} persons, seed ${options.seed}${options.seedArgs.length ? `, ${options.seedArgs.join(" ")}` : ""}`);
  const silos = await prepareBenchSilos({ pgUrl: options.pgUrl, persons: options.persons, seed: options.seed, root, prefix: "onceonly_bench_quality", seedArgs: options.seedArgs });
  log(silos.seeded ? `seeded in ${(silos.seedMs / 1000).toFixed(0)} s` : "reusing the seeded benchmark databases");
  const sizes = await siloSizes(silos.urls);
  const postgres = await withClient(silos.urls.registry, async (c) => `PostgreSQL ${(await c.query<{ v: string }>("SELECT current_setting('server_version') AS v")).rows[0].v}`);

  const runs: RunFigures[] = [];
  const notes: string[] = [];
  for (const concurrency of options.concurrency) {
    const workDir = await mkdtemp(join(tmpdir(), "onceonly-bench-quality-"));
    workDirs.push(workDir);
    const services = await startQualityServices({ root, workDir, pgUrl: options.pgUrl, silos: silos.urls, maxCost: options.maxCost, echo: options.echo });
    try {
      log(`run: concurrency ${concurrency}`);
      // Other work on the machine slows every figure here: say how busy it was.
      notes.push(`Concurrency ${concurrency}: load average ${loadavg()[0].toFixed(1)} when the run started (${describeMachine("").cores} cores).`);
      const pids = { gateway: [services.gateway.pid], subgraphs: services.subgraphs.children.map((c) => c.pid), redis: [] };
      const before = cpuSnapshot(pids);
      const request: EngineRequest = {
        gatewayUrl: services.gatewayUrl,
        token: services.token,
        asOf: DEMO_REFERENCE_DATE,
        scanPageSize: options.scanPageSize,
        federatedPageSize: options.federatedPageSize,
        concurrency,
        partitions: options.partitions,
      };
      const result = await runEngine(request);
      const after = cpuSnapshot(pids);
      const cpu = cpuDifference(after, before);
      const peakRss: Record<string, number> = { engine: result.done.hwmBytes, gateway: vmHwm(services.gateway.pid) };
      for (const child of services.subgraphs.children) peakRss[child.name] = vmHwm(child.pid);
      const figures: RunFigures = {
        concurrency,
        wallMs: result.done.wallMs,
        recordsStreamed: result.streams.reduce((sum, s) => sum + s.records, 0),
        recordsRead: Object.values(result.done.records).reduce((sum, r) => sum + r, 0),
        findings: result.done.findings,
        phases: result.streams.map((s) => ({ phase: s.phase, records: s.records, pages: s.pages, pageSize: s.pageSize, ms: s.ms })),
        peakRss,
        cpuMs: {
          engine: result.done.cpuMs,
          gateway: cpu.gateway,
          ...Object.fromEntries(services.subgraphs.children.map((c) => [c.name, (after.perPid.subgraphs.get(c.pid) ?? 0) - (before.perPid.subgraphs.get(c.pid) ?? 0)])),
          postgres: cpu.postgres,
        },
      };
      runs.push(figures);
      console.log(`\n${phaseTable(figures).join("\n")}\n`);
    } finally {
      await services.stop();
    }
  }

  console.log(`\n${runTable(runs).join("\n")}\n\n${processTable(runs).join("\n")}\n`);
  if (options.out) {
    const doc = renderQualityDoc({
      command: `npm run bench:quality -- ${process.argv.slice(2).join(" ")}`.trim(),
      options,
      machine: describeMachine(postgres),
      sizes,
      seeded: { seedMs: silos.seedMs, reused: !silos.seeded },
      runs,
      notes: [...notes, ...pageNotes(runs)],
    });
    await writeFile(options.out, doc);
    log(`wrote ${relative(root, options.out)}`);
  }
  log(`done in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return 0;
}

// Private: pages the gateway's cost limit (MAX_COST) made smaller than the engine asked.
function pageNotes(runs: RunFigures[]): string[] {
  const shrunk = new Map<string, number>();
  for (const run of runs) for (const phase of run.phases) shrunk.set(phase.phase, Math.min(shrunk.get(phase.phase) ?? Infinity, phase.pageSize));
  const listed = [...shrunk].filter(([phase, size]) => size < (["registry", "licenses", "cases"].includes(phase) ? 20_000 : 5_000));
  return listed.length === 0
    ? []
    : [`The gateway's cost limit refused the engine's default page sizes for ${listed.map(([p, size]) => `${p} (${size.toLocaleString("en-US")} per page)`).join(", ")}: each such page was asked again smaller, as the gateway's estimate allowed.`];
}

interface EngineResult {
  streams: Extract<EngineMessage, { type: "stream" }>["result"][];
  done: Extract<EngineMessage, { type: "done" }>;
}

// Private: the engine in its own process (engine-child.ts), so its peak RSS is its own.
function runEngine(request: EngineRequest): Promise<EngineResult> {
  const child = fork(fileURLToPath(new URL("./engine-child.js", import.meta.url)), [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const streams: EngineResult["streams"] = [];
  return new Promise((resolve, reject) => {
    child.on("message", (message: EngineMessage) => {
      if (message.type === "stream") {
        streams.push(message.result);
        log(`  ${message.result.phase}: ${message.result.records.toLocaleString("en-US")} records in ${(message.result.ms / 1000).toFixed(1)} s`);
      } else if (message.type === "done") resolve({ streams, done: message });
      else reject(new Error(`the quality run failed: ${message.message}`));
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`the engine process exited (${code}) before it reported`)));
    child.send(request);
  });
}

async function siloSizes(urls: Record<"registry" | "licenses" | "cases", string>): Promise<SiloSizes> {
  const count = (url: string, sql: string) => withClient(url, async (c) => Number((await c.query<{ n: string }>(sql)).rows[0].n));
  return {
    persons: await count(urls.registry, "SELECT count(*) AS n FROM rk_jbxx"),
    households: await count(urls.registry, "SELECT count(*) AS n FROM rk_hxx"),
    licences: await count(urls.licenses, "SELECT count(*) AS n FROM dzzz_zzxx"),
    cases: await count(urls.cases, "SELECT count(*) AS n FROM sp_bj"),
    materials: await count(urls.cases, "SELECT count(*) AS n FROM sp_bjcl"),
  };
}

function vmHwm(pid: number): number {
  try {
    const match = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

function log(message: string): void {
  console.error(`[bench:quality ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${message}`);
}

process.once("SIGINT", () => {
  killAllNow();
  process.exit(130);
});
process.once("exit", () => {
  killAllNow();
  for (const dir of workDirs) rmSync(dir, { recursive: true, force: true });
});

main()
  .then(async (code) => {
    await stopAll();
    process.exit(code);
  })
  .catch(async (error: unknown) => {
    console.error(`bench:quality: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    await stopAll();
    process.exit(1);
  });
