// One set of subgraphs (with or without the entity cache) and, in turn, each gateway in
// front of them: every workload measured, one row each. A failure becomes the row's
// reason, never the end of the run: the other gateways are still measured.
import { stopChild } from "./children.js";
import { CONFIGS, ROUNDS_CONFIGS, type BenchConfig } from "./configs.js";
import { readAuditWait } from "./gateway-metrics.js";
import { GATEWAY_LABELS, startGateway, type RunningGateway } from "./gateways.js";
import { measure, warmUp, type LoadOptions } from "./measure.js";
import { flushPrivateRedis, startPrivateRedis, type PrivateRedis } from "./private-redis.js";
import { probeLookups, type ProbeLookup } from "./probe.js";
import { describeFailures, type Row } from "./report.js";
import type { SiloName } from "./silo-names.js";
import { cacheLookups, statementCounter, type StatementCounter } from "./statements.js";
import { startSubgraphs, type RunningSubgraphs } from "./subgraphs.js";
import type { Workload } from "./workloads.js";

export interface SessionInput {
  root: string;
  workDir: string;
  databases: Record<SiloName, string>;
  configs: BenchConfig[];
  workloads: Workload[];
  load: LoadOptions;
  /** Applicants of the cache-on best case (0: not measured). */
  hot: number;
  /** Window-lookup rounds of the ROUNDS_CONFIGS (1: only the first, with the other workloads). */
  rounds: number;
  echo: boolean;
  log(line: string): void;
}

export interface SessionOutput {
  rows: Row[];
  /** Window-lookup rounds 2…n of the ROUNDS_CONFIGS (round 1 is in rows). */
  rounds: Row[];
  statements: string;
  probe: ProbeLookup[] | null;
  notes: string[];
}

export async function runSession(cached: boolean, input: SessionInput): Promise<SessionOutput> {
  const { log } = input;
  const out: SessionOutput = { rows: [], rounds: [], statements: "not measured", probe: null, notes: [] };
  let redis: PrivateRedis | undefined;
  let subgraphs: RunningSubgraphs | undefined;
  // With the cache on, every gateway gets fresh subgraphs (their near caches empty) and
  // an empty Redis, warmed the same way: none inherits what an earlier one cached.
  const start = async () => {
    subgraphs = await startSubgraphs({ root: input.root, dataDir: input.workDir, silos: input.databases, cache: redis ? { kind: "redis", url: redis.url } : { kind: "off" }, echo: input.echo });
    await warmSubgraphs(subgraphs, input);
    if (redis) await flushPrivateRedis(redis);
    return subgraphs;
  };
  try {
    redis = cached ? await startPrivateRedis() : undefined;
    log(`subgraphs ${redis ? `with the entity cache (private Redis ${redis.url}, near caches in each process)` : "without the entity cache"}`);
    let running = await start();
    const counter = await statementCounter(running.urls, input.databases);
    out.statements = counter.describe;
    const lookup = input.workloads.find((w) => w.key === "lookup");
    // One gateway over the subgraphs for `body`, stopped after it whatever happens. With the
    // cache on, every gateway but the first gets fresh subgraphs (started and warmed again).
    let fresh = true;
    const withGateway = async (config: BenchConfig, body: (gateway: RunningGateway) => Promise<void>) => {
      if (cached && !fresh) {
        await running.stop();
        running = await start();
        counter.retarget(running.urls);
      }
      fresh = false;
      const gateway = await startGateway(config.gateway, { root: input.root, workDir: input.workDir, subgraphUrls: running.urls, echo: input.echo });
      try {
        await body(gateway);
      } finally {
        await stopChild(gateway.child);
      }
    };
    for (const config of input.configs) {
      await withGateway(config, async (gateway) => {
        log(`${config.label} (${GATEWAY_LABELS[config.gateway]}) at ${gateway.url}`);
        if (config.key === "onceonly-off" && counter.source === "metrics") await probe(gateway.url, counter, input, out);
        for (const workload of input.workloads.filter((w) => !config.workloads || config.workloads.includes(w.key))) {
          out.rows.push(await measureRow(config, workload, gateway.url, gateway.child.pid, running, counter, redis, input));
        }
        if (config.key === "onceonly-on" && lookup && input.hot > 0) {
          const hot = { ...lookup, label: `window lookup, ${input.hot} hot applicants`, bodies: lookup.bodies.slice(0, input.hot) };
          out.rows.push(await measureRow(CONFIGS["onceonly-hot"], hot, gateway.url, gateway.child.pid, running, counter, redis, input));
        }
      });
    }
    // The targets' window lookups again, each gateway started afresh as in round 1 (and,
    // with the cache on, over fresh subgraphs and an empty Redis, warmed the same way).
    const again = input.configs.filter((c) => ROUNDS_CONFIGS.includes(c.key));
    for (let round = 2; lookup && round <= input.rounds; round++) {
      for (const config of again) {
        await withGateway(config, async (gateway) => {
          log(`${config.label}: window lookup, round ${round} of ${input.rounds}`);
          out.rounds.push({ ...(await measureRow(config, lookup, gateway.url, gateway.child.pid, running, counter, redis, input)), round });
        });
      }
    }
  } finally {
    await subgraphs?.stop();
    if (redis) await stopChild(redis.child);
  }
  return out;
}

// Every workload for a while through the stock gateway, thrown away: the first gateway
// measured in a session then meets subgraphs as warm as the last one does.
async function warmSubgraphs(subgraphs: RunningSubgraphs, input: SessionInput): Promise<void> {
  const seconds = Math.max(4, 2 * input.load.warmupS);
  const gateway = await startGateway("apollo", { root: input.root, workDir: input.workDir, subgraphUrls: subgraphs.urls, echo: input.echo });
  try {
    for (const workload of input.workloads) await warmUp(gateway.url, workload, input.load, seconds);
    input.log(`subgraphs warmed: ${input.workloads.length} workloads × ${seconds} s through a throw-away gateway`);
  } finally {
    await stopChild(gateway.child);
  }
}

async function probe(url: string, counter: StatementCounter, input: SessionInput, out: SessionOutput): Promise<void> {
  try {
    out.probe = await probeLookups(url, input.databases, counter, input.load.purpose);
    // The same applicants again: with the cache really off, they cost the same.
    const repeat = await probeLookups(url, input.databases, counter, input.load.purpose);
    if (repeat.some((l) => l.statements.registry === 0)) {
      out.notes.push('**Warning**: with the cache off a repeated lookup reached no registry statement — the "off" subgraphs still cache something.');
    }
    input.log(`statements per window lookup probed for ${out.probe.length} applicants`);
  } catch (error) {
    out.probe = null;
    out.notes.push(`**The statements probe failed**: ${(error as Error).message}`);
    input.log(`statements probe FAILED — ${(error as Error).message}`);
  }
}

async function measureRow(config: BenchConfig, workload: Workload, url: string, pid: number, subgraphs: RunningSubgraphs, counter: StatementCounter, redis: PrivateRedis | undefined, input: SessionInput): Promise<Row> {
  const row: Row = { config: config.key, workload: workload.key, label: workload.label };
  try {
    const measurement = await measure(url, workload, {
      pids: { gateway: [pid], subgraphs: subgraphs.children.map((c) => c.pid), redis: redis ? [redis.child.pid] : [] },
      counter,
      // The subgraphs' own counters: Redis sees only what the near caches miss.
      cacheStats: redis ? () => cacheLookups(subgraphs.urls) : undefined,
      auditWait: config.gateway === "onceonly" ? () => readAuditWait(url) : undefined,
    }, input.load);
    const failures = describeFailures(measurement);
    if (failures) row.failure = `${failures} under load (${measurement.requests} answered)`;
    else row.measurement = measurement;
    const m = measurement;
    input.log(`  ${workload.label}: ${failures ? `FAILED — ${failures}` : `${m.rps.toFixed(0)} RPS, p50 ${m.p50} ms, p99 ${m.p99} ms, ${m.statementsPerRequest.toFixed(2)} stmts/req`}`);
  } catch (error) {
    row.failure = (error as Error).message;
    input.log(`  ${workload.label}: FAILED — ${row.failure}`);
  }
  return row;
}
