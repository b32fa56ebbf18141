// A subgraph as a deployable process: configuration, its silo (migrated), the optional
// demo seed, the nonce store of its signature check (Redis with REDIS_URL), listen. Exits 1 when it cannot start (naming the bad variable for a config
// error); SIGINT/SIGTERM close the server, then the silo, then exit 0.
import type { EntityCache } from "../cache/entity-cache.js";
import { entityCacheOff, openEntityCache, readCacheConfig } from "../cache/open-entity-cache.js";
import { ConfigError } from "../config/env.js";
import type { SubgraphConfig } from "../config/subgraph-config.js";
import { openSilo } from "../db/open-silo.js";
import type { Silo } from "../db/silo.js";
import { seedDemoOnStart } from "../demo/seed-on-start.js";
import type { DemoSiloName } from "../demo/tables.js";
import type { RunningServer } from "../http/serve.js";
import { logger } from "../log.js";
import { countCacheRequests, countSiloStatements } from "../metrics/index.js";
import { openNonceStore, type NonceStore } from "../security/nonce-store.js";
import type { SigningConfig } from "../security/signing.js";

export interface SubgraphProcess {
  name: DemoSiloName;
  migrations: string;
  readConfig(env: Record<string, string | undefined>): SubgraphConfig;
  /** Opens the entity cache from REDIS_URL / CACHE_* and hands it to start (closed on stop). */
  usesCache?: boolean;
  start(options: {
    silo: Silo;
    port: number;
    host: string;
    cache?: EntityCache;
    freshness?: { ttlSeconds: number; pollMs: number };
    /** From SUBGRAPH_SIGNING_SECRET / SIGNATURE_MAX_AGE_SECONDS (config.signing). */
    signing: SigningConfig;
    /** Answered nonces: Redis with REDIS_URL (shared by replicas), else in process; closed on stop. */
    nonces: NonceStore;
  }): Promise<RunningServer>;
}

export function runSubgraphProcess(subgraph: SubgraphProcess): void {
  const log = logger.child({ subgraph: subgraph.name });
  main(subgraph, log).catch((error: unknown) => {
    if (error instanceof ConfigError) log.fatal(`${subgraph.name} subgraph: ${error.message}`);
    else log.fatal({ err: error }, `${subgraph.name} subgraph failed to start`);
    setImmediate(() => process.exit(1)); // pino writes asynchronously: let it flush
  });
}

async function main(subgraph: SubgraphProcess, log: typeof logger): Promise<void> {
  const config = subgraph.readConfig(process.env);
  const asked = subgraph.usesCache ? readCacheConfig(process.env) : null;
  const cacheConfig = asked && !entityCacheOff(asked) ? asked : null;
  const silo = await openSilo({ name: subgraph.name, ...config.silo, migrations: subgraph.migrations });
  const cache = cacheConfig ? countCacheRequests(openEntityCache(cacheConfig, log)) : undefined;
  const nonces = openNonceStore(process.env, log);
  let server: RunningServer;
  try {
    await seedDemoOnStart(silo, subgraph.name, config.demo, log);
    // After the seed: /metrics counts the statements requests cost, not the demo load.
    countSiloStatements(silo);
    server = await subgraph.start({
      silo,
      port: config.port,
      host: config.host,
      cache,
      freshness: cacheConfig ? { ttlSeconds: cacheConfig.ttlSeconds, pollMs: cacheConfig.pollMs } : undefined,
      signing: config.signing,
      nonces,
    });
  } catch (error) {
    await nonces.close().catch(() => undefined);
    await cache?.close().catch(() => undefined);
    await silo.close().catch(() => undefined);
    throw error;
  }
  log.info({ url: server.url, engine: silo.kind }, `${subgraph.name} subgraph ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return; // a second Ctrl-C must not close twice
    stopping = true;
    log.info({ signal }, `${subgraph.name} subgraph stopping`);
    try {
      await server.close();
      await nonces.close();
      await cache?.close();
      await silo.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, `${subgraph.name} subgraph did not stop cleanly`);
      process.exit(1);
    }
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}
