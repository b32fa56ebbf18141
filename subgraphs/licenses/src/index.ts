// The licenses subgraph as a deployable process (see runSubgraphProcess): config from the
// environment, its silo, the optional demo seed, listen; clean stop on SIGINT/SIGTERM.
import "reflect-metadata";
import { openReceiptSigner, readReceiptKeyConfig, runSubgraphProcess } from "@onceonly/shared";
import { readLicensesConfig } from "./config.js";
import { MIGRATIONS, startLicensesService } from "./server.js";

runSubgraphProcess({
  name: "licenses",
  migrations: MIGRATIONS,
  readConfig: readLicensesConfig,
  usesCache: true,
  // Receipts are signed with the on-disk key store (created on first start), so receipts
  // and the published keys survive restarts and rotations.
  start: async (options) => startLicensesService({ ...options, signer: await openReceiptSigner(readReceiptKeyConfig(process.env)) }),
});
