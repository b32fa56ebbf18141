// The registry subgraph as a deployable process (see runSubgraphProcess): config from the
// environment, its silo, the optional demo seed, listen; clean stop on SIGINT/SIGTERM.
import "reflect-metadata";
import { runSubgraphProcess } from "@onceonly/shared";
import { readRegistryConfig } from "./config.js";
import { MIGRATIONS, startRegistryService } from "./server.js";

runSubgraphProcess({ name: "registry", migrations: MIGRATIONS, readConfig: readRegistryConfig, usesCache: true, start: startRegistryService });
