// `npm run audit:verify` end to end on PostgreSQL: the built CLI (scripts/dist, so
// `npm run build` first) with the same environment the gateway reads.
import { spawn } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { auditPublicJwk } from "../src/audit/key.js";
import { appendMany, openTestAudit, tamper, type TestAudit } from "./audit-support.js";

const CLI = fileURLToPath(new URL("../../scripts/dist/audit-verify.js", import.meta.url));

function run(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", LOG_LEVEL: "silent", ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

describe("npm run audit:verify (PostgreSQL)", () => {
  let audit: TestAudit | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await audit?.dispose();
    if (dir) await rm(dir, { recursive: true, force: true });
    audit = dir = undefined;
  });

  it("exits 0 on an intact log, 1 naming the record after tampering, 2 on bad arguments", async () => {
    audit = await openTestAudit("postgres", { checkpointEvery: 10 });
    await appendMany(audit.log, 25);
    await audit.log.close();
    dir = await mkdtemp(join(tmpdir(), "onceonly-audit-cli-"));
    const keyFile = join(dir, "audit-key.json");
    await writeFile(keyFile, JSON.stringify(audit.key), { mode: 0o600 });
    const env = { AUDIT_DATABASE_URL: audit.url as string, AUDIT_KEY_FILE: keyFile, DATA_DIR: dir };

    const intact = await run([], env);
    expect(intact.stderr).toBe("");
    expect(intact.code).toBe(0);
    const [head] = await audit.silo.query<{ hash: string }>("SELECT hash FROM audit_head");
    expect(intact.stdout).toContain(`审计日志完好 audit log intact: 25 records, 3 checkpoints, head #25 ${head.hash}`);

    // Only the public key, from a JWKS file, works as well.
    const jwks = join(dir, "jwks.json");
    await writeFile(jwks, JSON.stringify({ keys: [auditPublicJwk(audit.key)] }));
    expect((await run(["--jwks", jwks], { ...env, AUDIT_KEY_FILE: join(dir, "absent.json") })).code).toBe(0);

    await tamper(audit.silo, "UPDATE audit_log SET outcome = 'ALLOWED', denials = '[]' WHERE seq = 15");
    const broken = await run([], env);
    expect(broken.code).toBe(1);
    expect(broken.stdout).toMatch(/audit record #15 \(request req-14, [^)]+\) is broken: stored hash [0-9a-f]{64} ≠ computed [0-9a-f]{64}/);

    const usage = await run(["--page-size", "zero"], env);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toMatch(/--page-size "zero" must be a whole number/);
    expect((await run(["--what"], env)).code).toBe(2);
    const noKey = await run([], { ...env, AUDIT_KEY_FILE: join(dir, "absent.json") });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/absent\.json does not exist; pass the public key with --jwks/);
  });
});
