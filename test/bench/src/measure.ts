// One gateway × one workload: answers checked first (a fast wrong answer is no result),
// a short warm-up, then a fixed-duration autocannon run with fixed connections, while
// the silos' statement counters and the gateway's memory are read.
import autocannon from "autocannon";
import { benchAuth } from "./auth.js";
import { BENCH_WINDOW } from "./bench-silos.js";
import { meanWaitMs, type WaitReading } from "./gateway-metrics.js";
import { cpuDifference, cpuSnapshot, type CpuPids, type CpuTimes } from "./cpu.js";
import { sampleRss } from "./rss.js";
import { readingDifference, type Counts, type StatementCounter } from "./statements.js";
import { seededRandom, type GraphQLAnswer, type Workload } from "./workloads.js";

export interface LoadOptions {
  connections: number;
  durationS: number;
  warmupS: number;
  seed: number;
  /** Requests checked in full (data present, no errors, the applicant asked for). */
  checked: number;
  purpose: string;
}

export interface Measurement {
  requests: number;
  /** How long the measured part ran, s. */
  durationS: number;
  rps: number;
  p50: number;
  p99: number;
  /** Connection errors, timeouts, non-2xx and answers carrying GraphQL errors. */
  failures: { errors: number; timeouts: number; non2xx: number; graphqlErrors: number };
  statements: Counts;
  statementsPerRequest: number;
  /** GraphQL requests the subgraphs answered per gateway request (null: not counted). */
  fetchesPerRequest: number | null;
  peakRssBytes: number;
  hwmBytes: number;
  cpu: CpuTimes;
  /** Share of the entity cache's lookups it answered (the subgraphs' own counters: near caches and Redis), when there is one. */
  cacheHitRate: number | null;
  /** OnceOnly: mean ms an answer waited for its audit record's COMMIT (null for the peers). */
  auditWaitMs: number | null;
}

export interface Observed {
  /** The gateway's process (its memory) and every process whose CPU is accounted. */
  pids: CpuPids;
  counter: StatementCounter;
  cacheStats?: () => Promise<{ hits: number; misses: number }>;
  auditWait?: () => Promise<WaitReading>;
}

export function benchHeaders(purpose: string): Record<string, string> {
  // The token names the window for OnceOnly; the peers forward the two headers instead.
  return { "content-type": "application/json", authorization: benchAuth().authorization, "x-window-id": BENCH_WINDOW, "x-department": "BENCH-DEPT", "x-purpose": purpose };
}

/**
 * Load without measuring: warms the subgraphs' JIT and PostgreSQL's buffers before a
 * session, through a gateway that is then stopped, so the gateway measured first does not
 * pay a cold start the others skip.
 */
export async function warmUp(url: string, workload: Workload, options: LoadOptions, seconds: number): Promise<void> {
  await drive(url, workload, benchHeaders(options.purpose), options, seconds);
}

export async function measure(url: string, workload: Workload, observed: Observed, options: LoadOptions): Promise<Measurement> {
  const { counter, pids } = observed;
  const headers = benchHeaders(options.purpose);
  await checkAnswers(url, workload, headers, options);
  // pg_stat_database lags: count over warm-up and run together (same workload, same rate).
  const wholeWindow = counter.source !== "metrics";
  const before0 = wholeWindow ? await counter.read() : null;
  const warm = await drive(url, workload, headers, options, options.warmupS);
  const before = before0 ?? (await counter.read());
  const hitsBefore = await observed.cacheStats?.();
  const waitBefore = await observed.auditWait?.();
  const rss = sampleRss(pids.gateway[0]);
  const cpuBefore = cpuSnapshot(pids);
  const result = await drive(url, workload, headers, options, options.durationS);
  const cpu = cpuDifference(cpuSnapshot(pids), cpuBefore);
  const memory = rss.stop();
  const hitsAfter = await observed.cacheStats?.();
  const waitAfter = await observed.auditWait?.();
  const { statements, fetches } = readingDifference(await counter.read(), before);
  const counted = result["2xx"] + (wholeWindow ? warm["2xx"] + options.checked : 0);
  const total = statements.registry + statements.licenses + statements.cases;
  return {
    requests: result["2xx"],
    durationS: result.duration,
    rps: result["2xx"] / result.duration,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: {
      errors: result.errors + warm.errors,
      timeouts: result.timeouts + warm.timeouts,
      non2xx: result.non2xx + warm.non2xx,
      graphqlErrors: result.mismatches + warm.mismatches,
    },
    statements,
    statementsPerRequest: counted > 0 ? total / counted : Number.NaN,
    fetchesPerRequest: fetches && counted > 0 ? (fetches.registry + fetches.licenses + fetches.cases) / counted : null,
    peakRssBytes: memory.peakBytes,
    hwmBytes: memory.hwmBytes,
    cpu,
    cacheHitRate: hitRate(hitsBefore, hitsAfter),
    auditWaitMs: waitBefore && waitAfter ? meanWaitMs(waitBefore, waitAfter) : null,
  };
}

function drive(url: string, workload: Workload, headers: Record<string, string>, options: LoadOptions, durationS: number): Promise<autocannon.Result> {
  const random = seededRandom(options.seed);
  const bodies = workload.bodies;
  return autocannon({
    url,
    method: "POST",
    headers,
    connections: options.connections,
    duration: durationS,
    timeout: 30,
    requests: [{ setupRequest: (request) => ({ ...request, body: bodies[Math.floor(random() * bodies.length)] }) }],
    // Every answer is looked at, cheaply: a GraphQL error arrives with status 200.
    verifyBody: (body) => !String(body ?? "").includes('"errors"'),
  });
}

/** A sample of requests sent one by one and checked in full; throws on the first wrong one. */
async function checkAnswers(url: string, workload: Workload, headers: Record<string, string>, options: LoadOptions): Promise<void> {
  const random = seededRandom(options.seed ^ 0x5eed);
  for (let i = 0; i < options.checked; i++) {
    const body = workload.bodies[Math.floor(random() * workload.bodies.length)];
    const response = await fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(30_000) });
    const text = await response.text();
    if (!response.ok) throw new Error(`${workload.label}: HTTP ${response.status}: ${text.slice(0, 300)}`);
    const answer = JSON.parse(text) as GraphQLAnswer;
    if (answer.errors?.length) throw new Error(`${workload.label}: GraphQL errors: ${answer.errors.map((e) => e.message).join("; ").slice(0, 300)}`);
    workload.check(body, answer);
  }
}

function hitRate(before?: { hits: number; misses: number }, after?: { hits: number; misses: number }): number | null {
  if (!before || !after) return null;
  const hits = after.hits - before.hits;
  const lookups = hits + after.misses - before.misses;
  return lookups > 0 ? hits / lookups : null;
}
