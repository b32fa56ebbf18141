// The three subgraphs as the deployment runs them: one process each from the built
// dist/, configured by environment only (ports, silo URLs, cache), so the benchmark
// depends on no internals of theirs.
import { join } from "node:path";
import { freePort, startChild, stopChild, waitFor, type Child } from "./children.js";
import { SIGNING_ENV } from "./signing.js";
import { SILOS, type SiloName } from "./silo-names.js";

export type CacheMode = { kind: "redis"; url: string } | { kind: "off" };

export interface RunningSubgraphs {
  urls: Record<SiloName, string>;
  children: Child[];
  cache: CacheMode;
  stop(): Promise<void>;
}

/**
 * Environment that turns the entity cache off: no REDIS_URL (that would be Redis) and
 * CACHE_MAX_ENTRIES=0 (no in-process LRU either), so every read goes to the silo — what
 * a subgraph without OnceOnly's cache does.
 */
export const CACHE_OFF_ENV: Record<string, string | undefined> = { REDIS_URL: undefined, CACHE_MAX_ENTRIES: "0" };

export async function startSubgraphs(options: { root: string; dataDir: string; silos: Record<SiloName, string>; cache: CacheMode; echo: boolean }): Promise<RunningSubgraphs> {
  const ports = Object.fromEntries(await Promise.all(SILOS.map(async (s) => [s, await freePort()]))) as Record<SiloName, number>;
  const base = (s: SiloName) => `http://127.0.0.1:${ports[s]}`;
  const cacheEnv = options.cache.kind === "redis" ? { REDIS_URL: options.cache.url, CACHE_MAX_ENTRIES: undefined } : CACHE_OFF_ENV;
  const children = SILOS.map((silo) =>
    startChild(
      `${silo}${options.cache.kind === "redis" ? "+cache" : ""}`,
      process.execPath,
      [join(options.root, "subgraphs", silo, "dist", "index.js")],
      {
        [`${silo.toUpperCase()}_PORT`]: String(ports[silo]),
        [`${silo.toUpperCase()}_HOST`]: "127.0.0.1",
        [`${silo.toUpperCase()}_DATABASE_URL`]: options.silos[silo],
        SEED_DEMO_PERSONS: undefined, // never seed from a subgraph: the bench seeded already
        DATA_DIR: options.dataDir, // the licences' receipt keys
        LOG_LEVEL: "warn",
        NODE_ENV: "production",
        ...SIGNING_ENV,
        ...(silo === "cases" ? { RECEIPT_JWKS_URL: `${base("licenses")}/.well-known/jwks.json` } : {}),
        ...cacheEnv,
      },
      { echo: options.echo },
    ),
  );
  const running: RunningSubgraphs = {
    urls: Object.fromEntries(SILOS.map((s) => [s, `${base(s)}/graphql`])) as Record<SiloName, string>,
    children,
    cache: options.cache,
    stop: async () => void (await Promise.all(children.map((c) => stopChild(c)))),
  };
  try {
    await Promise.all(children.map((child, i) => waitFor(child, "/healthz", () => ok(`${base(SILOS[i])}/healthz`), 120_000)));
  } catch (error) {
    await running.stop();
    throw error;
  }
  return running;
}

export async function ok(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  await response.arrayBuffer();
  return response.ok;
}
