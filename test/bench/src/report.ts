// The figures as tables (Markdown, printed to stdout and written to docs/benchmarks.md):
// one row per gateway × workload, the ratios OnceOnly / peer, and the issue's targets
// with met / missed by how much.
import { CONFIGS, type ConfigKey } from "./configs.js";
import { CPU_GROUPS, type CpuTimes } from "./cpu.js";
import type { Measurement } from "./measure.js";
import { LOOKUP_ENTITY_TYPES, worstPerSilo, type ProbeLookup } from "./probe.js";
import { medianP99, ratioByRound, roundsPassing, type Rounds } from "./rounds.js";
import { SILOS } from "./silo-names.js";
import { WORKLOAD_KEYS, type WorkloadKey } from "./workloads.js";

export interface Row {
  config: ConfigKey;
  workload: WorkloadKey;
  label: string;
  measurement?: Measurement & { cpu: CpuTimes };
  /** Why there is no measurement (a wrong answer, errors under load, a crash). */
  failure?: string;
  /** Which window-lookup round (ROUNDS_CONFIGS); absent = the only one. */
  round?: number;
}

export interface Target {
  name: string;
  met: boolean | null;
  detail: string;
}

const find = (rows: Row[], config: ConfigKey, workload: WorkloadKey) => rows.find((r) => r.config === config && r.workload === workload)?.measurement;
const fixed = (n: number, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "—");
const mb = (bytes: number) => fixed(bytes / 1024 / 1024);

export function resultsTable(rows: Row[]): string {
  const lines = [
    "| gateway | subgraph cache | workload | RPS | p50 ms | p99 ms | audit COMMIT wait ms (mean) | silo stmts / req (registry + licences + cases) | subgraph fetches / req | cache hits | peak RSS MB | failures |",
    "| --- | --- | --- | ---: | ---: | ---: | ---: | --- | ---: | ---: | ---: | --- |",
  ];
  for (const row of sorted(rows)) {
    const c = CONFIGS[row.config];
    const head = `| ${c.label} | ${c.cached ? "Redis" : "off"} | ${row.label}`;
    const m = row.measurement;
    if (!m) {
      lines.push(`${head} | — | — | — | — | — | — | — | — | **FAILED**: ${row.failure?.replace(/\|/g, "/").replace(/\s+/g, " ").slice(0, 200)} |`);
      continue;
    }
    const per = (n: number) => fixed(n / Math.max(1, m.requests), 2);
    const stmts = `${fixed(m.statementsPerRequest, 2)} (${SILOS.map((s) => per(m.statements[s])).join(" + ")})`;
    const failures = Object.values(m.failures).reduce((a, b) => a + b, 0);
    const hits = m.cacheHitRate === null ? "—" : `${fixed(m.cacheHitRate * 100)}%`;
    lines.push(`${head} | ${fixed(m.rps)} | ${fixed(m.p50, 1)} | ${fixed(m.p99, 1)} | ${m.auditWaitMs === null ? "—" : fixed(m.auditWaitMs, 1)} | ${stmts} | ${m.fetchesPerRequest === null ? "—" : fixed(m.fetchesPerRequest, 2)} | ${hits} | ${mb(m.peakRssBytes)} | ${failures === 0 ? "0" : `**${describeFailures(m)}**`} |`);
  }
  return lines.join("\n");
}

export function describeFailures(m: Measurement): string {
  const f = m.failures;
  return [`${f.errors} connection errors`, `${f.timeouts} timeouts`, `${f.non2xx} non-2xx`, `${f.graphqlErrors} answers with GraphQL errors`].filter((s) => !s.startsWith("0 ")).join(", ");
}

export function ratiosTable(rows: Row[]): string {
  const pairs: [ConfigKey, ConfigKey, string][] = [
    ["onceonly-on", "apollo", "cache on / Apollo"],
    ["onceonly-on", "hive", "cache on / Hive"],
    ["onceonly-off", "apollo", "cache off / Apollo"],
    ["onceonly-off", "hive", "cache off / Hive"],
    ["onceonly-hot", "apollo", "cache on, hot applicants / Apollo"],
    ["onceonly-hot", "hive", "cache on, hot applicants / Hive"],
    ["onceonly-on", "apollo-cached", "cache on / Apollo over cached subgraphs"],
    ["onceonly-on", "hive-cached", "cache on / Hive over cached subgraphs"],
  ];
  const lines = [
    "| OnceOnly / peer | workload | RPS ratio (higher is better) | p99 ratio (lower is better) | peak RSS ratio |",
    "| --- | --- | ---: | ---: | ---: |",
  ];
  for (const [ours, peer, label] of pairs) {
    for (const w of WORKLOAD_KEYS) {
      const a = find(rows, ours, w);
      const b = find(rows, peer, w);
      if (!a || !b) continue;
      lines.push(`| ${label} | ${rows.find((r) => r.workload === w)!.label} | ${fixed(a.rps / b.rps, 2)}× | ${fixed(a.p99 / b.p99, 2)}× | ${fixed(a.peakRssBytes / b.peakRssBytes, 2)}× |`);
    }
  }
  return lines.join("\n");
}

/** CPU milliseconds per answered request, by process group. */
export function cpuTable(rows: Row[], cores: number): string {
  const lines = [
    `| gateway | workload | ${CPU_GROUPS.join(" | ")} | total CPU ms / req | other processes (not the bench), % of the cores |`,
    `| --- | --- | ${CPU_GROUPS.map(() => "---:").join(" | ")} | ---: | ---: |`,
  ];
  for (const row of sorted(rows)) {
    const m = row.measurement;
    if (!m) continue;
    const per = (ms: number) => ms / Math.max(1, m.requests);
    const total = CPU_GROUPS.reduce((sum, g) => sum + per(m.cpu[g]), 0);
    const other = (100 * m.cpu.other) / (m.durationS * 1000 * cores);
    lines.push(`| ${CONFIGS[row.config].label} | ${row.label} | ${CPU_GROUPS.map((g) => fixed(per(m.cpu[g]), 2)).join(" | ")} | ${fixed(total, 2)} | ${fixed(other)}% |`);
  }
  return lines.join("\n");
}

export function probeTable(lookups: ProbeLookup[]): string {
  const lines = [
    "| applicant | household members | licences | cases | registry | licences | cases |",
    "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
  ];
  for (const l of lookups) {
    lines.push(`| ${l.idNumber} | ${l.members} | ${l.licences} | ${l.cases} | ${SILOS.map((s) => l.statements[s]).join(" | ")} |`);
  }
  const bound = LOOKUP_ENTITY_TYPES;
  lines.push(`| **at most one per entity type** | | | | ≤ ${bound.registry} | ≤ ${bound.licenses} | ≤ ${bound.cases} |`);
  return lines.join("\n");
}

export function targets(rows: Row[], probe: ProbeLookup[] | null, rounds: Rounds[] = []): Target[] {
  const on = find(rows, "onceonly-on", "lookup");
  const off = find(rows, "onceonly-off", "lookup");
  const apollo = find(rows, "apollo", "lookup");
  const hive = find(rows, "hive", "lookup");
  const ratioTarget = (name: string, a: Measurement | undefined, b: Measurement | undefined, peer: ConfigKey, wanted: number): Target => {
    if (!a || !b) return { name, met: null, detail: "not measured in this run" };
    const ratio = a.rps / b.rps;
    const detail = `${fixed(a.rps)} vs ${fixed(b.rps)} RPS = ${fixed(ratio, 2)}×`;
    const each = ratioByRound(rounds, "onceonly-on", peer);
    const byRound = each ? `; round by round ${each}` : "";
    return ratio >= wanted
      ? { name, met: true, detail: detail + byRound }
      : { name, met: false, detail: `${detail}: missed by ${fixed(wanted - ratio, 2)}× (${fixed(wanted * b.rps - a.rps)} RPS short of ${fixed(wanted * b.rps)})${byRound}` };
  };
  const list = [
    ratioTarget("window lookup, cache on ≥ 3× stock Apollo Gateway's RPS", on, apollo, "apollo", 3),
    ratioTarget("window lookup, cache on ≥ 1.5× Hive Gateway's RPS", on, hive, "hive", 1.5),
  ];
  if (!off || !apollo) {
    list.push({ name: "window lookup, cache off ≥ stock Apollo Gateway's RPS with no worse p99", met: null, detail: "not measured in this run" });
  } else {
    // With rounds: the median RPS (the round standing for each) and the median p99, each
    // over its own rounds — a single round's tail is the noisiest figure of all.
    const offMedian = medianP99(rounds, "onceonly-off");
    const offP99 = offMedian ?? off.p99;
    const apolloP99 = medianP99(rounds, "apollo") ?? apollo.p99;
    const ofRounds = offMedian !== null ? " (median of the rounds)" : "";
    const rpsOk = off.rps >= apollo.rps;
    const p99Ok = offP99 <= apolloP99;
    const misses = [
      rpsOk ? null : `RPS ${fixed(apollo.rps - off.rps)} short (${fixed(off.rps / apollo.rps, 2)}×)`,
      p99Ok ? null : `p99 ${fixed(offP99 - apolloP99, 1)} ms worse`,
    ].filter(Boolean);
    const rpsRounds = roundsPassing(rounds, "onceonly-off", "apollo", (x, y) => x.rps >= y.rps);
    const p99Rounds = roundsPassing(rounds, "onceonly-off", "apollo", (x, y) => x.p99 <= y.p99);
    list.push({
      name: "window lookup, cache off ≥ stock Apollo Gateway's RPS with no worse p99",
      met: rpsOk && p99Ok,
      detail:
        `${fixed(off.rps)} vs ${fixed(apollo.rps)} RPS, p99${ofRounds} ${fixed(offP99, 1)} vs ${fixed(apolloP99, 1)} ms${misses.length ? `: missed — ${misses.join("; ")}` : ""}` +
        (rpsRounds && p99Rounds ? `; round by round, RPS at least Apollo's in ${rpsRounds}, p99 no worse in ${p99Rounds}` : ""),
    });
  }
  if (!probe || probe.length === 0) {
    list.push({ name: "silo statements per window lookup ≤ one per entity type, whatever the list sizes", met: null, detail: "not probed (needs the subgraphs' /metrics counters)" });
  } else {
    const worst = worstPerSilo(probe);
    const over = SILOS.filter((s) => worst[s] > LOOKUP_ENTITY_TYPES[s]);
    const sizes = (k: "members" | "licences" | "cases") => `${Math.min(...probe.map((l) => l[k]))}–${Math.max(...probe.map((l) => l[k]))}`;
    list.push({
      name: "silo statements per window lookup ≤ one per entity type, whatever the list sizes",
      met: over.length === 0,
      detail:
        `worst of ${probe.length} lookups (household ${sizes("members")} members, ${sizes("licences")} licences, ${sizes("cases")} cases), cache off: ` +
        `${SILOS.map((s) => `${s} ${worst[s]} (≤ ${LOOKUP_ENTITY_TYPES[s]})`).join(", ")}` +
        (over.length ? `: missed in ${over.map((s) => `${s} by ${worst[s] - LOOKUP_ENTITY_TYPES[s]}`).join(", ")}` : ""),
    });
  }
  return list;
}

export function targetsTable(list: Target[]): string {
  const mark = (t: Target) => (t.met === null ? "not measured" : t.met ? "**met**" : "**missed**");
  return ["| target | result | figures |", "| --- | --- | --- |", ...list.map((t) => `| ${t.name} | ${mark(t)} | ${t.detail} |`)].join("\n");
}

/** Rows by workload, OnceOnly first, then the peers as compared, then the peers over the cache. */
const DISPLAY_ORDER: readonly ConfigKey[] = ["onceonly-on", "onceonly-hot", "onceonly-off", "apollo", "hive", "apollo-cached", "hive-cached"];

function sorted(rows: Row[]): Row[] {
  return [...rows].sort((a, b) => WORKLOAD_KEYS.indexOf(a.workload) - WORKLOAD_KEYS.indexOf(b.workload) || DISPLAY_ORDER.indexOf(a.config) - DISPLAY_ORDER.indexOf(b.config));
}
