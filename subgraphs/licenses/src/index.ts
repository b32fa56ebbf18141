// The licences subgraph as a process: config, silo, optional demo seed, listen.
// Exits 1 when it cannot start; SIGINT/SIGTERM close the server and the silo, then exit 0.
import "reflect-metadata";
import { logger, openSilo, seedDemoOnStart, type RunningServer } from "@onceonly/shared";
import { readLicensesConfig } from "./config.js";
import { MIGRATIONS, startLicensesService } from "./server.js";

const log = logger.child({ subgraph: "licenses" });

async function main(): Promise<void> {
  const config = readLicensesConfig(process.env);
  const silo = await openSilo({ name: "licenses", ...config.silo, migrations: MIGRATIONS });
  let server: RunningServer;
  try {
    await seedDemoOnStart(silo, "licenses", config.demo, log);
    server = await startLicensesService({ silo, port: config.port, host: config.host });
  } catch (error) {
    await silo.close().catch(() => undefined);
    throw error;
  }
  log.info({ url: server.url, engine: silo.kind }, `licenses subgraph ready at ${server.url}`);

  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "licenses subgraph stopping");
    try {
      await server.close();
      await silo.close();
      process.exit(0);
    } catch (error) {
      log.error({ err: error }, "licenses subgraph did not stop cleanly");
      process.exit(1);
    }
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}


main().catch((error: unknown) => {
  log.fatal({ err: error }, `licenses subgraph failed to start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
