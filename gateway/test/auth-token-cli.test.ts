// `npm run token`: development tokens only in DEV_MODE, the JWT alone on stdout, signed
// with the development key in DATA_DIR that the gateway (in DEV_MODE) trusts. Runs the
// built CLI (scripts/dist), as npm does.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { decodeJwt } from "jose";
import { DEMO_WINDOWS } from "@onceonly/shared";
import { createAuthenticator, readAuthConfig, type Authenticator } from "../src/auth/index.js";

const CLI = fileURLToPath(new URL("../../scripts/dist/token.js", import.meta.url));

let dataDir: string;
let gatewayAuth: Authenticator;
beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), "onceonly-token-"));
  // The gateway in DEV_MODE over the same DATA_DIR: it creates the key the CLI then uses.
  gatewayAuth = await createAuthenticator(readAuthConfig({ DEV_MODE: "true", DATA_DIR: dataDir }));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function token(args: string[], env: Record<string, string> = { DEV_MODE: "true" }): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { env: { PATH: process.env.PATH ?? "", DATA_DIR: dataDir, LOG_LEVEL: "silent", ...env } }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe("npm run token", () => {
  it("prints only a JWT the gateway in DEV_MODE accepts as that window", async () => {
    const { code, stdout } = await token(["--window", "LS-W01", "--department", "乐山市市中区政务服务中心", "--scopes", "registry:read,cases:read", "--region", "511102", "--ttl", "1h"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const caller = await gatewayAuth.authenticate(`Bearer ${stdout.trim()}`);
    expect(caller).toMatchObject({ window: "LS-W01", department: "乐山市市中区政务服务中心", region: "511102", scopes: new Set(["registry:read", "cases:read"]) });
    const claims = decodeJwt(stdout.trim());
    expect(claims.exp! - claims.iat!).toBe(3600);
  });

  it("refuses outside DEV_MODE, with exit 2 and what to set", async () => {
    const { code, stdout, stderr } = await token(["--window", "LS-W01", "--department", "d"], {});
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toContain("set DEV_MODE=true");
  });

  it("refuses unknown scopes, naming them, and a bad region or ttl", async () => {
    // Each run starts a Node process: run them side by side.
    const [unknown, region, ttl, window] = await Promise.all([
      token(["--window", "LS-W01", "--department", "d", "--scopes", "cases:read,cases:delete openid"]),
      token(["--window", "LS-W01", "--department", "d", "--region", "5111"]),
      token(["--window", "LS-W01", "--department", "d", "--ttl", "8 hours"]),
      token(["--department", "d"]),
    ]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("unknown scopes cases:delete, openid;");
    expect(region.stderr).toContain("--region 5111 is not a 6-digit");
    expect([ttl.code, ttl.stdout]).toEqual([2, ""]);
    expect(window.stderr).toContain("--window is required");
  });

  it("--demo prints one token per demo window, as eval-able assignments under its label", async () => {
    const { code, stdout } = await token(["--demo"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(2 * DEMO_WINDOWS.length);
    for (const [i, demo] of DEMO_WINDOWS.entries()) {
      expect(lines[2 * i]).toContain(`# ${demo.label}: ${demo.window}`);
      const [name, jwt] = lines[2 * i + 1].split("=");
      expect(name).toBe(`TOKEN_${demo.window.replace(/-/g, "_")}`);
      const caller = await gatewayAuth.authenticate(`Bearer ${jwt}`);
      expect([caller.window, caller.department, caller.region, [...caller.scopes]]).toEqual([demo.window, demo.department, demo.region, [...demo.scopes]]);
    }
  });
});
