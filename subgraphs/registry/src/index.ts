// The registry subgraph as a process: config, silo, optional demo seed, listen.
// Exits 1 when it cannot start; SIGINT/SIGTERM close the server and the silo, then exit 0.
import "reflect-metadata";
import { logger, openSilo, seedDemoOnStart, type RunningServer } from "@onceonly/shared";
import { readRegistryConfig } from "./config.js";
import { MIGRATIONS, startRegistryService } from "./server.js";

const log = logger.child({ subgraph: "registry" });

async function main(): Promise<void> {
  const config = readRegistryConfig(process.env);
  const silo = await openSilo({ name: "registry", ...config.silo, migrations: MIGRATIONS });
  let server: RunningServer;
  try {
    await seedDemoOnStart(silo, "registry", config.demo, log);
    server = await startRegistryService({ silo, port: config.port, host: config.host });
  } catch (error) {
    await silo.close().catch(() => undefined);
    throw error;
  }
  log.info({ url: server.url, engine: silo.kind }, `registry subgraph ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "registry subgraph stopping");
    try {
      await server.close();
      await silo.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "registry subgraph did not stop cleanly");
      process.exit(1);
    }
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  log.error({ err: error }, "registry subgraph failed to start");
  // pino writes asynchronously; let it flush before the process ends.
  setImmediate(() => process.exit(1));
});
