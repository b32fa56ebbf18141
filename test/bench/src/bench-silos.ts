// The benchmark's own PostgreSQL databases, one per silo, seeded once with the demo data
// and reused while the size and seed are the same. What a database holds is written in
// its COMMENT after a complete seed, so an interrupted seed is redone, never trusted.
import { spawn } from "node:child_process";
import pg from "pg";
import { SILOS, type SiloName } from "./silo-names.js";

export interface BenchSilos {
  urls: Record<SiloName, string>;
  /** True when this run seeded them (false: reused). */
  seeded: boolean;
  seedMs: number;
}

/** Rows that the workloads write (usage records, readiness checks) carry this window id. */
export const BENCH_WINDOW = "BENCH-W01";

export interface BenchSiloOptions {
  pgUrl: string;
  persons: number;
  seed: number;
  root: string;
  /** Database names are `${prefix}_<silo>`; default onceonly_bench (npm run bench). */
  prefix?: string;
  /** More seed options (e.g. --defects 0.01), part of what the marker says the databases hold. */
  seedArgs?: readonly string[];
}

export async function prepareBenchSilos(options: BenchSiloOptions): Promise<BenchSilos> {
  const prefix = options.prefix ?? "onceonly_bench";
  const seedArgs = options.seedArgs ?? [];
  const marker = `onceonly-bench persons=${options.persons} seed=${options.seed}${seedArgs.length ? ` ${seedArgs.join(" ")}` : ""}`;
  const urls = Object.fromEntries(SILOS.map((s) => [s, databaseUrl(options.pgUrl, `${prefix}_${s}`)])) as Record<SiloName, string>;
  const admin = new pg.Client({ connectionString: options.pgUrl });
  await admin.connect();
  try {
    const comments = new Map<string, string | null>();
    for (const silo of SILOS) {
      const name = `${prefix}_${silo}`;
      const rows = (await admin.query<{ comment: string | null }>("SELECT shobj_description(oid, 'pg_database') AS comment FROM pg_database WHERE datname = $1", [name])).rows;
      if (rows.length === 0) await admin.query(`CREATE DATABASE ${name}`);
      comments.set(name, rows[0]?.comment ?? null);
    }
    if ([...comments.values()].every((c) => c === marker)) {
      await removeBenchWrites(urls);
      return { urls, seeded: false, seedMs: 0 };
    }
    const started = Date.now();
    for (const name of comments.keys()) await admin.query(`COMMENT ON DATABASE ${name} IS NULL`);
    // --reset: these databases are the benchmark's own; whatever they held is replaced.
    await runSeed(options.root, urls, ["--persons", String(options.persons), "--seed", String(options.seed), ...seedArgs, "--reset"]);
    for (const name of comments.keys()) await admin.query(`COMMENT ON DATABASE ${name} IS '${marker}'`);
    for (const url of Object.values(urls)) await analyze(url);
    return { urls, seeded: true, seedMs: Date.now() - started };
  } finally {
    await admin.end();
  }
}

/** Drops the rows earlier runs wrote, so every run starts from the same silo sizes. */
async function removeBenchWrites(urls: Record<SiloName, string>): Promise<void> {
  await withClient(urls.licenses, (c) => c.query("DELETE FROM dzzz_yzjl WHERE yzck = $1", [BENCH_WINDOW]));
  await withClient(urls.cases, (c) => c.query("DELETE FROM sp_gxdq WHERE dqck = $1", [BENCH_WINDOW]));
}

async function analyze(url: string): Promise<void> {
  await withClient(url, (c) => c.query("VACUUM ANALYZE"));
}

export async function withClient<T>(url: string, use: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await use(client);
  } finally {
    await client.end();
  }
}

function databaseUrl(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

// Private: the project's own seed command (npm run seed), so the data is the demo's.
function runSeed(root: string, urls: Record<SiloName, string>, args: string[]): Promise<void> {
  const env = { ...process.env, REGISTRY_DATABASE_URL: urls.registry, LICENSES_DATABASE_URL: urls.licenses, CASES_DATABASE_URL: urls.cases };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [`${root}/scripts/dist/seed.js`, ...args], { env, stdio: ["ignore", "inherit", "inherit"] });
    child.once("error", reject);
    child.once("exit", (code) => (code === 0 ? resolve() : reject(new Error(`npm run seed exited with ${code}`))));
  });
}
