// Runs the cases subgraph alone: config from the environment, the silo, optional demo
// seed, listen. Exits 1 when it cannot start; SIGINT/SIGTERM stop it cleanly (exit 0).
import "reflect-metadata";
import { ConfigError, logger, openSilo, seedDemoOnStart } from "@onceonly/shared";
import { readCasesConfig } from "./config.js";
import { MIGRATIONS, startCasesService } from "./server.js";

const log = logger.child({ subgraph: "cases" });

async function main(): Promise<void> {
  const config = readCasesConfig(process.env);
  const silo = await openSilo({ name: "cases", ...config.silo, migrations: MIGRATIONS });
  let server;
  try {
    await seedDemoOnStart(silo, "cases", config.demo, log);
    server = await startCasesService({ silo, port: config.port, host: config.host });
  } catch (error) {
    await silo.close().catch(() => undefined);
    throw error;
  }
  log.info({ url: server.url, engine: silo.kind }, `cases subgraph ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return; // a second Ctrl-C must not close twice
    stopping = true;
    log.info({ signal }, "cases subgraph stopping");
    try {
      await server.close();
      await silo.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "cases subgraph did not stop cleanly");
      process.exit(1);
    }
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) log.fatal(`cases subgraph: ${error.message}`);
  else log.fatal({ err: error }, "cases subgraph failed to start");
  // pino writes asynchronously; let it flush before the process ends.
  setImmediate(() => process.exit(1));
});
