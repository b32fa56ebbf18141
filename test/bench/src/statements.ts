// Silo statements, counted where they happen. Preferred: each subgraph's own counter
// (GET /metrics, onceonly_silo_statements_total{silo}), exact and immediate; the same
// page gives the GraphQL requests each subgraph answered (fetches from the gateway). Fallback when
// a subgraph has no such endpoint: PostgreSQL's committed + rolled-back transactions per
// database (pg_stat_database) — one per autocommit statement, but published by the
// backends only when they go idle (up to ~10 s late), so every reading waits first.
import { withClient } from "./bench-silos.js";
import { SILOS, type SiloName } from "./silo-names.js";

export type Counts = Record<SiloName, number>;

export interface Reading {
  statements: Counts;
  /** GraphQL requests each subgraph answered; null when it does not say. */
  fetches: Counts | null;
}

export interface StatementCounter {
  source: "metrics" | "pg_stat_database";
  /** Human-readable: what a "statement" is in this run's figures. */
  describe: string;
  read(): Promise<Reading>;
  /** Points the counter at restarted subgraphs (their counters start again at 0). */
  retarget(subgraphUrls: Record<SiloName, string>): void;
}

const METRIC = "onceonly_silo_statements_total";
const HTTP_METRIC = "onceonly_http_requests_total";
const PG_STATS_SETTLE_MS = 11_000;

export async function statementCounter(initialUrls: Record<SiloName, string>, databaseUrls: Record<SiloName, string>): Promise<StatementCounter> {
  let subgraphUrls = initialUrls;
  const retarget = (urls: Record<SiloName, string>) => {
    subgraphUrls = urls;
  };
  const viaMetrics = async (): Promise<Reading> => {
    const statements = zero();
    let fetches: Counts | null = zero();
    for (const silo of SILOS) {
      const response = await fetch(new URL("/metrics", subgraphUrls[silo]), { signal: AbortSignal.timeout(5000) });
      if (!response.ok) throw new Error(`${silo} /metrics answered ${response.status}`);
      const text = await response.text();
      const found = parseCounter(text, METRIC, "silo");
      if (found === null) throw new Error(`${silo} /metrics has no ${METRIC}`);
      for (const [name, value] of Object.entries(found)) if (name in statements) statements[name as SiloName] += value;
      const graphql = parseCounter(text, HTTP_METRIC, "route")?.["/graphql"];
      if (graphql === undefined) fetches = null;
      else if (fetches) fetches[silo] = graphql;
    }
    return { statements, fetches };
  };
  try {
    await viaMetrics();
    return { source: "metrics", describe: `silo statements (subgraphs' ${METRIC})`, read: viaMetrics, retarget };
  } catch {
    return {
      source: "pg_stat_database",
      describe: "silo transactions (pg_stat_database xact_commit + xact_rollback; the subgraphs have no /metrics yet)",
      retarget,
      read: async () => {
        await new Promise((r) => setTimeout(r, PG_STATS_SETTLE_MS));
        const counts = zero();
        for (const silo of SILOS) {
          const name = new URL(databaseUrls[silo]).pathname.slice(1);
          counts[silo] = await withClient(databaseUrls[silo], async (c) =>
            Number((await c.query<{ n: string }>("SELECT xact_commit + xact_rollback AS n FROM pg_stat_database WHERE datname = $1", [name])).rows[0].n),
          );
        }
        return { statements: counts, fetches: null };
      },
    };
  }
}

/** Entity cache lookups of the three subgraphs, near cache and Redis together (their own counter). */
export async function cacheLookups(subgraphUrls: Record<SiloName, string>): Promise<{ hits: number; misses: number }> {
  let hits = 0;
  let misses = 0;
  for (const silo of SILOS) {
    const response = await fetch(new URL("/metrics", subgraphUrls[silo]), { signal: AbortSignal.timeout(5000) });
    const found = parseCounter(await response.text(), "onceonly_cache_requests_total", "result");
    hits += found?.hit ?? 0;
    misses += found?.miss ?? 0;
  }
  return { hits, misses };
}

/** Sums of a counter (Prometheus text) by one label; null when the metric is absent. */
export function parseCounter(text: string, metric: string, label: string): Record<string, number> | null {
  let seen = false;
  const sums: Record<string, number> = {};
  for (const line of text.split("\n")) {
    const match = /^(\w+)(?:\{([^}]*)\})?\s+([0-9.eE+-]+)/.exec(line);
    if (!match || match[1] !== metric) continue;
    seen = true;
    const value = new RegExp(`${label}="([^"]*)"`).exec(match[2] ?? "")?.[1] ?? "unknown";
    sums[value] = (sums[value] ?? 0) + Number(match[3]);
  }
  return seen ? sums : null;
}

export function difference(after: Counts, before: Counts): Counts {
  return Object.fromEntries(SILOS.map((s) => [s, after[s] - before[s]])) as Counts;
}

export function readingDifference(after: Reading, before: Reading): Reading {
  return {
    statements: difference(after.statements, before.statements),
    fetches: after.fetches && before.fetches ? difference(after.fetches, before.fetches) : null,
  };
}

function zero(): Counts {
  return { registry: 0, licenses: 0, cases: 0 };
}
