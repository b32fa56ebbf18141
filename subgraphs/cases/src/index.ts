// The cases subgraph as a deployable process (see runSubgraphProcess): config from the
// environment, its silo, the optional demo seed, listen; clean stop on SIGINT/SIGTERM.
import "reflect-metadata";
import { runSubgraphProcess } from "@onceonly/shared";
import { readCasesConfig, type CasesConfig } from "./config.js";
import { MIGRATIONS, startCasesService } from "./server.js";
import { createCasesServices } from "./services.js";

// Read once by runSubgraphProcess (which reports a bad variable by name); kept for the services.
let config: CasesConfig | undefined;

runSubgraphProcess({
  name: "cases",
  migrations: MIGRATIONS,
  readConfig: (env) => (config = readCasesConfig(env)),
  usesCache: true,
  start: (options) => startCasesService({ ...options, services: createCasesServices(config ?? readCasesConfig(process.env)) }),
});
