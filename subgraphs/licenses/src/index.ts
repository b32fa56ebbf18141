// The licenses subgraph as a deployable process (see runSubgraphProcess): config from the
// environment, its silo, the optional demo seed, listen; clean stop on SIGINT/SIGTERM.
import "reflect-metadata";
import { runSubgraphProcess } from "@onceonly/shared";
import { readLicensesConfig } from "./config.js";
import { MIGRATIONS, startLicensesService } from "./server.js";

runSubgraphProcess({ name: "licenses", migrations: MIGRATIONS, readConfig: readLicensesConfig, start: startLicensesService });
