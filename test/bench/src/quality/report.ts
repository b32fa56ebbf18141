// The quality benchmark's figures: per run (concurrency), per phase, per process; the
// console tables and docs/quality-benchmark.md.
import type { Machine } from "../machine.js";
import type { QualityBenchOptions } from "./options.js";

export interface PhaseFigure {
  phase: string;
  records: number;
  pages: number;
  pageSize: number;
  ms: number;
}

export interface RunFigures {
  concurrency: number;
  wallMs: number;
  /** Records the streams read, federated re-reads included. */
  recordsStreamed: number;
  /** QualityRun.records summed (each record once). */
  recordsRead: number;
  findings: number;
  phases: PhaseFigure[];
  /** Peak RSS (VmHWM) per process, bytes. */
  peakRss: Record<string, number>;
  /** CPU time per process group over the run, ms. */
  cpuMs: Record<string, number>;
}

export interface SiloSizes {
  persons: number;
  households: number;
  licences: number;
  cases: number;
  materials: number;
}

export interface QualityBenchFacts {
  command: string;
  options: QualityBenchOptions;
  machine: Machine;
  sizes: SiloSizes;
  seeded: { seedMs: number; reused: boolean };
  runs: RunFigures[];
  notes: string[];
}

const n = (v: number) => Math.round(v).toLocaleString("en-US");
const mib = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MiB`;
const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const rate = (records: number, ms: number) => n(records / Math.max(ms / 1000, 0.001));

export function runTable(runs: RunFigures[]): string[] {
  return [
    "| concurrency | wall time | records read | records streamed | records/s (streamed) | findings |",
    "| ---: | ---: | ---: | ---: | ---: | ---: |",
    ...runs.map((r) => `| ${r.concurrency} | ${s(r.wallMs)} | ${n(r.recordsRead)} | ${n(r.recordsStreamed)} | ${rate(r.recordsStreamed, r.wallMs)} | ${n(r.findings)} |`),
  ];
}

export function phaseTable(run: RunFigures): string[] {
  return [
    "| phase | records | pages (size) | time | records/s |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...run.phases.map((p) => `| ${p.phase} | ${n(p.records)} | ${n(p.pages)} (${n(p.pageSize)}) | ${s(p.ms)} | ${rate(p.records, p.ms)} |`),
  ];
}

export function processTable(runs: RunFigures[]): string[] {
  const names = [...new Set(runs.flatMap((r) => Object.keys(r.peakRss)))];
  const cpu = [...new Set(runs.flatMap((r) => Object.keys(r.cpuMs)))];
  return [
    `| concurrency | ${names.map((p) => `peak RSS ${p}`).join(" | ")} | ${cpu.map((p) => `CPU ${p}`).join(" | ")} |`,
    `| ---: | ${names.map(() => "---:").join(" | ")} | ${cpu.map(() => "---:").join(" | ")} |`,
    ...runs.map((r) => `| ${r.concurrency} | ${names.map((p) => mib(r.peakRss[p] ?? 0)).join(" | ")} | ${cpu.map((p) => s(r.cpuMs[p] ?? 0)).join(" | ")} |`),
  ];
}

export function renderQualityDoc(facts: QualityBenchFacts): string {
  const { options: o, machine: m, sizes } = facts;
  const best = [...facts.runs].sort((a, b) => a.wallMs - b.wallMs)[0];
  const devRun = o.persons < 1_000_000 ? `\n> **A development run** (${n(o.persons)} persons, not the issue's 1,000,000): re-run \`npm run bench:quality\` with the defaults for figures that count.\n` : "";
  return `# Data quality benchmark

<!-- Written by \`npm run bench:quality\` (test/bench/src/quality/). Re-run it to refresh; do not edit the figures by hand. -->
${devRun}
One data quality run (\`runQuality\`: the three departments' scans of their own silos, then the three cross-silo checks
joined through federation) through OnceOnly's gateway as the demo data steward (LS-SJ-01, \`X-Purpose: DATA-QUALITY\`),
over PostgreSQL silos seeded by \`npm run seed\`. Everything runs as deployed, each in its own process: three subgraphs
(entity cache off), the gateway (token check, policy, purpose, masking, an audit record per page in its own PostgreSQL
database) and the engine. The issue's target: 1,000,000 persons in under 3 minutes within 512 MB RSS.

- **Date**: ${m.date}
- **Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM · Node ${m.node} · ${m.postgres}
- **Command**: \`${facts.command}\`
- **Silos**: ${n(sizes.persons)} persons, ${n(sizes.households)} households, ${n(sizes.licences)} licences, ${n(sizes.cases)} cases, ${n(sizes.materials)} case materials (seed ${o.seed}${o.seedArgs.length ? `, ${o.seedArgs.join(" ")}` : ""}; ${facts.seeded.reused ? "databases reused" : `seeded in ${s(facts.seeded.seedMs)}`})
- **Gateway limits**: MAX_COST ${o.maxCost ?? "default (20,000)"}; page sizes: scans ${o.scanPageSize ?? "engine default (20,000)"}, cross-silo ${o.federatedPageSize ?? "engine default (5,000)"} (a page the gateway's cost limit refuses is asked again smaller: see "pages (size)")

## Runs

${runTable(facts.runs).join("\n")}

"Records read" counts each record once (persons + households, licences, cases + materials: the report's figure);
"records streamed" counts every record a stream read, so licences and cases read again by the cross-silo checks count twice.

## Phases of the fastest run (concurrency ${best.concurrency})

${phaseTable(best).join("\n")}

## How a run reads the silos

- **Scans** (registry, licenses, cases): each department's subgraph checks its own silo page by page (SQL and
  JavaScript in the subgraph); the gateway relays counts and failing keys. Their page size is what the gateway's cost
  estimate (MAX_COST) allows: it sizes a page's \`counts\` and \`findings\` lists by \`first\`.
- **licences × registry**: the licence library lists holders (a keyset walk of its holder index); the gateway fetches
  each holder's registry facts (Person by ID number) and hands them back to the licence library (\`@requires\`), which
  judges the holder's licences; one small object per holder comes back, never a name. **cases × registry** does the
  same per applicant. Each page is three fetches one after another, so one stream keeps at most one process busy: the
  walks are split into key-range partitions that run side by side (the engine's concurrency).
- **materials × licences**: the case silo lists the materials handed over on paper or by upload, each with a
  \`LicenseHolding\` key (applicant code, licence type, acceptance day); the licence library answers \`held\` per key.
- The gateway (one Node.js process) plans, fetches, merges, checks the policy and writes one audit record per page
  naming every person in it: its CPU time below.

## Processes

Peak RSS is each process's VmHWM (/proc/<pid>/status) over the run; CPU is user + system time during the run
(PostgreSQL: the benchmark databases' backends).

${processTable(facts.runs).join("\n")}
${facts.notes.length ? `\n## Notes\n\n${facts.notes.map((x) => `- ${x}`).join("\n")}\n` : ""}`;
}
