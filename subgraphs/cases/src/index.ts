// The cases subgraph as a deployable process (see runSubgraphProcess): config from the
// environment, its silo, the optional demo seed, listen; clean stop on SIGINT/SIGTERM.
import "reflect-metadata";
import { runSubgraphProcess } from "@onceonly/shared";
import { readCasesConfig } from "./config.js";
import { MIGRATIONS, startCasesService } from "./server.js";

runSubgraphProcess({ name: "cases", migrations: MIGRATIONS, readConfig: readCasesConfig, start: startCasesService });
