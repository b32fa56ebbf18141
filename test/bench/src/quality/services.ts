// What the quality benchmark runs against, as deployed: the three subgraphs (one process
// each, entity cache off: a quality run reads everything once) and OnceOnly's gateway as
// its own process, verifying a steward's token, enforcing policies and purpose, and writing
// every page's audit record to its own PostgreSQL database before answering.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportJWK } from "jose";
import pg from "pg";
import { createEphemeralTokenKeys, mintToken } from "@onceonly/gateway";
import { DEMO_WINDOWS } from "@onceonly/shared";
import { freePort, startChild, stopChild, waitFor, type Child } from "../children.js";
import { SIGNING_ENV } from "../signing.js";
import type { SiloName } from "../silo-names.js";
import { startSubgraphs, type RunningSubgraphs } from "../subgraphs.js";

const ISSUER = "onceonly-bench";
const AUDIENCE = "onceonly-gateway";
export const QUALITY_AUDIT_DATABASE = "onceonly_bench_quality_audit";

export interface QualityServices {
  gatewayUrl: string;
  /** The demo data steward's token (LS-SJ-01: quality:read and the three departments' read scopes). */
  token: string;
  gateway: Child;
  subgraphs: RunningSubgraphs;
  stop(): Promise<void>;
}

export async function startQualityServices(options: { root: string; workDir: string; pgUrl: string; silos: Record<SiloName, string>; maxCost?: number; echo: boolean }): Promise<QualityServices> {
  const keys = await createEphemeralTokenKeys();
  const keyFile = join(options.workDir, "bench-token-key.pub.jwk");
  await writeFile(keyFile, JSON.stringify({ ...(await exportJWK(keys.publicKey)), alg: "EdDSA" }));
  const steward = DEMO_WINDOWS.find((w) => w.window === "LS-SJ-01");
  if (!steward) throw new Error("the demo windows have no data steward LS-SJ-01");
  const token = await mintToken(keys.privateKey, steward, { issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 24 * 3600 });
  const auditUrl = await freshAuditDatabase(options.pgUrl);

  const subgraphs = await startSubgraphs({ root: options.root, dataDir: options.workDir, silos: options.silos, cache: { kind: "off" }, echo: options.echo });
  const port = await freePort();
  const gatewayUrl = `http://127.0.0.1:${port}/graphql`;
  const gateway = startChild("gateway", process.execPath, [join(options.root, "gateway", "dist", "index.js")], {
    LOG_LEVEL: "warn",
    NODE_ENV: "production",
    ...SIGNING_ENV,
    GATEWAY_PORT: String(port),
    GATEWAY_HOST: "127.0.0.1",
    REGISTRY_URL: subgraphs.urls.registry,
    LICENSES_URL: subgraphs.urls.licenses,
    CASES_URL: subgraphs.urls.cases,
    AUTH_PUBLIC_KEY_FILE: keyFile,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    AUDIT_DATABASE_URL: auditUrl,
    AUDIT_KEY_FILE: join(options.workDir, "audit-key.json"),
    DATA_DIR: options.workDir,
    QUALITY_REPORTS_DIR: join(options.workDir, "quality-reports"),
    MAX_COST: options.maxCost === undefined ? undefined : String(options.maxCost),
    DEV_MODE: undefined,
  }, { echo: options.echo });
  const stop = async () => {
    await stopChild(gateway);
    await subgraphs.stop();
  };
  try {
    await waitFor(gateway, `an answer at ${gatewayUrl}`, () => answers(gatewayUrl, token), 60_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return { gatewayUrl, token, gateway, subgraphs, stop };
}

// A fresh audit log per run: its size must not grow run after run.
async function freshAuditDatabase(pgUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${QUALITY_AUDIT_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${QUALITY_AUDIT_DATABASE}`);
  } finally {
    await admin.end();
  }
  const url = new URL(pgUrl);
  url.pathname = `/${QUALITY_AUDIT_DATABASE}`;
  return url.toString();
}

async function answers(url: string, token: string): Promise<boolean> {
  const response = await fetch(url, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: "{ __typename }" }),
    signal: AbortSignal.timeout(2000),
  });
  const body = (await response.json()) as { data?: { __typename?: string } };
  return body.data?.__typename === "Query";
}
