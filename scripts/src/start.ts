// npm start: the whole of OnceOnly on one machine with nothing else running —
// three subgraph processes over embedded PGlite silos (seeded on first start), and the
// gateway. Set *_DATABASE_URL to use PostgreSQL instead; ports via *_PORT.
import "reflect-metadata";
import { randomBytes } from "node:crypto";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { createAuthenticator, loadSupergraph, openAuditLog, readGatewayConfig, startGatewayService, type OpenedAuditLog, type SubgraphName } from "@onceonly/gateway";
import { describeDemo, PgliteSilo, readPort, readSigningSecret, readString } from "@onceonly/shared";
import { startChild, stopChildren, waitUntilHealthy, type Child } from "./processes.js";
import { demoTokens } from "./demo-tokens.js";
import { printWelcome } from "./welcome.js";

const started = Date.now();
const root = fileURLToPath(new URL("../..", import.meta.url));
const env = process.env;
const dataDir = readString(env, "DATA_DIR") ?? join(root, ".data");
const demoPersons = readString(env, "SEED_DEMO_PERSONS") ?? "2000";
const demoSeed = readString(env, "SEED_DEMO_SEED") ?? "42";
// The subgraphs answer only requests the gateway signs. Nothing else talks to them here,
// so unless one is given, a fresh random secret per run: nothing to configure or leak.
const signingSecret = readString(env, "SUBGRAPH_SIGNING_SECRET") === undefined ? randomBytes(32).toString("hex") : readSigningSecret(env);
const ports: Record<SubgraphName, number> = {
  registry: readPort(env, "REGISTRY_PORT", 4001),
  licenses: readPort(env, "LICENSES_PORT", 4002),
  cases: readPort(env, "CASES_PORT", 4003),
};

// One PGlite initdb (4-7 s of WASM) instead of three: each silo starts as a copy.
const embedded = (Object.keys(ports) as SubgraphName[]).filter((n) => !env[`${n.toUpperCase()}_DATABASE_URL`]);
if (embedded.length > 0) await PgliteSilo.createTemplate(join(dataDir, ".template"));

const children: Child[] = (Object.keys(ports) as SubgraphName[]).map((name) =>
  startChild(name, join(root, "subgraphs", name, "dist", "index.js"), {
    [`${name.toUpperCase()}_PORT`]: String(ports[name]),
    DATA_DIR: dataDir,
    SEED_DEMO_PERSONS: demoPersons,
    SEED_DEMO_SEED: demoSeed,
    LOG_LEVEL: env.LOG_LEVEL ?? "warn",
    SERVICE_NAME: name,
    SUBGRAPH_SIGNING_SECRET: signingSecret,
    // The cases service checks receipts against the licences service's keys, wherever it listens.
    ...(name === "cases" ? { RECEIPT_JWKS_URL: env.RECEIPT_JWKS_URL ?? `http://127.0.0.1:${ports.licenses}/.well-known/jwks.json` } : {}),
  }),
);

let shuttingDown = false;
let audit: OpenedAuditLog | undefined;
async function shutdown(code: number, gateway?: { close(): Promise<void> }): Promise<never> {
  shuttingDown = true;
  await gateway?.close().catch(() => undefined);
  await audit?.close().catch(() => undefined);
  await stopChildren(children);
  process.exit(code);
}

try {
  const urls = Object.fromEntries(
    (Object.keys(ports) as SubgraphName[]).map((n) => [n, `http://127.0.0.1:${ports[n]}/graphql`]),
  ) as Record<SubgraphName, string>;
  await Promise.all(children.map((c) => waitUntilHealthy(urls[c.name as SubgraphName].replace("/graphql", "/healthz"), c, 120_000)));
  // The demo runs in development mode unless told otherwise: the gateway trusts the
  // development token key, so the tokens printed below work.
  const config = readGatewayConfig({
    ...env,
    DEV_MODE: env.DEV_MODE ?? "true",
    DATA_DIR: dataDir,
    REGISTRY_URL: urls.registry,
    LICENSES_URL: urls.licenses,
    CASES_URL: urls.cases,
    SUBGRAPH_SIGNING_SECRET: signingSecret,
  });
  const authenticator = await createAuthenticator(config.auth);
  audit = await openAuditLog(config.audit);
  const gateway = await startGatewayService({
    ...config,
    signingSecret,
    supergraphSdl: await loadSupergraph(config.supergraphPath),
    authenticate: (header) => authenticator.authenticate(header),
    audit,
  });
  for (const child of children) {
    void child.exited.then((code) => {
      if (shuttingDown) return;
      console.error(`${child.name} stopped unexpectedly (exit ${code}); stopping OnceOnly`);
      void shutdown(1, gateway);
    });
  }
  process.once("SIGINT", () => void shutdown(0, gateway));
  process.once("SIGTERM", () => void shutdown(0, gateway));
  const tokens = config.auth.devMode ? await demoTokens(dataDir, config.auth) : [];
  printWelcome(gateway.url, describeDemo(Number(demoSeed)), Date.now() - started, tokens);
} catch (error) {
  console.error(`OnceOnly failed to start: ${(error as Error).message}`);
  await shutdown(1);
}
