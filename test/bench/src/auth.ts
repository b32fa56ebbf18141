// OnceOnly's gateway runs as deployed: it verifies a window token (a key the benchmark
// makes for this run, given as AUTH_PUBLIC_KEY_FILE), enforces policies and the purpose,
// and writes every request's audit record to its own PostgreSQL database before answering.
// The bench window holds the PII scope so that every gateway's answers are the same (the
// peers mask nothing); the masking step runs all the same. The peers ignore the token.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { exportJWK } from "jose";
import pg from "pg";
import { createEphemeralTokenKeys, mintToken } from "@onceonly/gateway";
import { BENCH_WINDOW } from "./bench-silos.js";

export interface BenchAuth {
  /** For OnceOnly's gateway: token key, issuer, audience, audit store. */
  env: Record<string, string>;
  /** `Bearer …` for every request. */
  authorization: string;
}

const ISSUER = "onceonly-bench";
const AUDIENCE = "onceonly-gateway";
const AUDIT_DATABASE = "onceonly_bench_audit";
let current: BenchAuth | null = null;

export async function prepareBenchAuth(workDir: string, pgUrl: string): Promise<BenchAuth> {
  const keys = await createEphemeralTokenKeys();
  const keyFile = join(workDir, "bench-token-key.pub.jwk");
  await writeFile(keyFile, JSON.stringify({ ...(await exportJWK(keys.publicKey)), alg: "EdDSA" }));
  const token = await mintToken(
    keys.privateKey,
    { window: BENCH_WINDOW, department: "BENCH-DEPT", scopes: ["registry:read", "registry:read:pii", "licenses:read", "cases:read", "cases:write"] },
    { issuer: ISSUER, audience: AUDIENCE, ttlSeconds: 24 * 3600 },
  );
  // A fresh audit log per run: its size must not grow run after run.
  const admin = new pg.Client({ connectionString: pgUrl });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${AUDIT_DATABASE} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${AUDIT_DATABASE}`);
  } finally {
    await admin.end();
  }
  const auditUrl = new URL(pgUrl);
  auditUrl.pathname = `/${AUDIT_DATABASE}`;
  current = {
    env: {
      AUTH_PUBLIC_KEY_FILE: keyFile,
      AUTH_ISSUER: ISSUER,
      AUTH_AUDIENCE: AUDIENCE,
      AUDIT_DATABASE_URL: auditUrl.toString(),
      AUDIT_KEY_FILE: join(workDir, "audit-key.json"),
      DATA_DIR: workDir,
    },
    authorization: `Bearer ${token}`,
  };
  return current;
}

export function benchAuth(): BenchAuth {
  if (!current) throw new Error("prepareBenchAuth() has not run");
  return current;
}
