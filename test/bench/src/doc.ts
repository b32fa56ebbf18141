// docs/benchmarks.md: written by every run, so the figures in the repository are always
// ones a run produced, with the machine, the date and the command that produced them.
import { CONFIGS, ROUNDS_CONFIGS } from "./configs.js";
import type { BenchOptions } from "./options.js";
import type { Machine } from "./machine.js";
import { cpuTable, probeTable, ratiosTable, resultsTable, targetsTable, type Row, type Target } from "./report.js";
import type { ProbeLookup } from "./probe.js";
import { roundsTable, type Rounds } from "./rounds.js";

export interface RunFacts {
  command: string;
  options: BenchOptions;
  machine: Machine;
  statements: string;
  seeded: { persons: number; seedMs: number; reused: boolean };
  elapsedS: number;
  notes: string[];
}

export function renderDoc(facts: RunFacts, rows: Row[], list: Target[], probe: ProbeLookup[] | null, why: string[], rounds: Rounds[] = []): string {
  const { options: o, machine: m } = facts;
  const byRound = roundsTable(rounds);
  const devRun = o.persons < 100_000 ? `\n> **A development run** (${o.persons} persons, not the issue's 100,000): re-run \`npm run bench\` with the defaults for figures that count.\n` : "";
  return `# Benchmarks

<!-- Written by \`npm run bench\` (test/bench/). Re-run it to refresh; do not edit the figures by hand. -->
${devRun}
OnceOnly's gateway against what its users would otherwise deploy — stock \`@apollo/gateway\` and Hive Gateway — over the
same three subgraphs and the same PostgreSQL silos, in one run on one machine.

- **Date**: ${m.date} · **run time** ${Math.round(facts.elapsedS)} s
- **Machine**: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB RAM · Node ${m.node} · ${m.postgres}
- **Command**: \`${facts.command}\`
- **Data**: ${o.persons.toLocaleString("en")} demo persons (seed ${o.seed}) with their households, licences and cases in three PostgreSQL databases (\`onceonly_bench_*\`)${facts.seeded.reused ? ", reused from an earlier run with the same size and seed" : `, seeded in ${Math.round(facts.seeded.seedMs / 1000)} s`}
- **Load**: autocannon, ${o.connections} connections, ${o.warmupS} s warm-up then ${o.durationS} s measured per gateway × workload; every request picks another of ${o.applicants.toLocaleString("en")} applicants (or licences) at random, the same seeded sequence for every gateway${o.hot > 0 ? `; one more window-lookup run on OnceOnly with the cache on draws from only ${o.hot} applicants ("hot"), so nearly every read hits the cache — its best case` : ""}${o.rounds > 1 ? `; the window lookups the targets compare (${ROUNDS_CONFIGS.map((k) => CONFIGS[k].label).join(", ")}) are measured in ${o.rounds} rounds — the first with the other workloads, the others after them, each gateway started afresh — and the round with the median RPS stands for each in every table (the cache-off target's p99 is the median of each one's rounds)` : ""}
- **Processes**: each gateway is one Node process (no cluster, no workers — the same for all); the three subgraphs run one process each from their \`dist/\`; load generator, gateway, subgraphs, PostgreSQL and Redis share the ${m.cores} cores
- **Cache**: "Redis" = the subgraphs run with the entity cache in a private redis-server; "off" = no REDIS_URL and the in-process cache disabled, every read goes to the silo. Stock peers are compared with OnceOnly over the **uncached** subgraphs (what a stock deployment has); the rows "over cached subgraphs" show the peers with OnceOnly's cache too, for a fair reading of the gateway's own share
- **Peers**: stock Apollo Gateway 2.14.4 (ApolloServer + ApolloGateway({ supergraphSdl }) on the standalone server, no plugins: \`test/bench/src/apollo-gateway.ts\`) and Hive Gateway 2.15.1 (\`hive-gateway supergraph\`, defaults: \`test/bench/src/hive.config.ts\`); both forward the window headers (x-window-id, x-department, x-purpose) to the subgraphs, as OnceOnly does, so the subgraphs do the same work (usage rows included) behind every gateway; all three sign every subgraph request (HMAC, the subgraphs refuse unsigned ones)
- **OnceOnly as deployed**: it verifies the window's token (EdDSA), enforces the schema's scopes and the purpose (a matter code, the applicants typed in), runs the masking step (the bench window holds the PII scope, so answers compare equal) and commits one audit record per request to its own PostgreSQL database (\`onceonly_bench_audit\`, group commit) before answering — work the peers do not do; the results' "audit COMMIT wait" is how long an answer waited for it (the gateway's onceonly_gateway_audit_commit_wait_seconds)
- **Checked**: before each measurement, requests are sent one by one and their answers checked in full (data for the applicant asked, no errors); under load every answer is checked for GraphQL errors, and any connection error, timeout, non-2xx or error answer marks the row FAILED
- **Statements**: ${facts.statements}
${facts.notes.map((n) => `- ${n}`).join("\n")}

## Targets (issue 7)

${targetsTable(list)}
${why.length ? `\n### Why, and what would close it\n\n${why.map((w) => `- ${w}`).join("\n")}\n` : ""}${byRound ? `\n## Window lookup, round by round\n\n${byRound}\n` : ""}
## Results

${resultsTable(rows)}

## Ratios OnceOnly / peer

${ratiosTable(rows)}

## Where the CPU went (ms per answered request)

${cpuTable(rows, m.cores)}
${failedPeers(rows)}${probe && probe.length ? `\n## Silo statements per window lookup, by list size (OnceOnly, cache off, one lookup at a time)\n\n${probeTable(probe)}\n` : ""}`;
}

function failedPeers(rows: Row[]): string {
  const failed = rows.filter((r) => !r.measurement);
  if (failed.length === 0) return "";
  return `\n## Measurements that failed\n\nA row without figures: the gateway answered wrongly or with errors, so it is not compared on that workload.\n\n${failed
    .map((r) => `- **${CONFIGS[r.config].label} · ${r.label}**: ${r.failure}`)
    .join("\n")}\n`;
}
