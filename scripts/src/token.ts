// npm run token -- --window LS-W01 --department 乐山市市中区政务服务中心 --scopes registry:read,cases:read
// Mints a development window token with the development key (DATA_DIR/dev-token-key.json)
// that the gateway trusts in DEV_MODE, and prints the JWT alone, so that
//   TOKEN=$(npm run -s token -- …)
// captures it. `--demo` prints one per demo identity as shell assignments (eval-able).
import "reflect-metadata"; // @onceonly/shared also carries the GraphQL types
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_AUTH_AUDIENCE, DEFAULT_AUTH_ISSUER, DEFAULT_TOKEN_TTL_SECONDS, DEV_TOKEN_KEY_FILE, loadOrCreateDevKey, mintToken } from "@onceonly/gateway";
import { ALL_SCOPES, isScope, readBoolean, readString } from "@onceonly/shared";
import { parseCli, UsageError } from "./cli.js";
import { demoTokens, tokenVariable } from "./demo-tokens.js";

const USAGE = `usage: npm run -s token -- --window <id> --department <name> [--scopes a,b] [--region 6 digits] [--ttl 8h]
       npm run -s token -- --demo [--ttl 12h]
Prints a development JWT (only with DEV_MODE=true; the gateway trusts it only in DEV_MODE).
  --window      window id (claim "window", also "sub"), e.g. LS-W01
  --department  department name (claim "department")
  --scopes      comma- or space-separated, of: ${ALL_SCOPES.join(", ")}
  --region      GB/T 2260 region code, e.g. 511102
  --ttl         lifetime: 90s, 30m, 8h (default), 1d; at most 30d
  --demo        one token per demo window, as TOKEN_<WINDOW>=<jwt> lines (eval "$(…)")
Uses DATA_DIR (default .data), AUTH_ISSUER and AUTH_AUDIENCE as the gateway does.`;

const MAX_TTL_SECONDS = 30 * 24 * 3600;
const UNITS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 };

async function main(): Promise<number> {
  const args = parseCli(
    process.argv.slice(2),
    { window: { type: "string" }, department: { type: "string" }, scopes: { type: "string" }, region: { type: "string" }, ttl: { type: "string" }, demo: { type: "boolean" } },
    USAGE,
  );
  const env = process.env;
  if (!readBoolean(env, "DEV_MODE", false)) {
    console.error("token: refused: development tokens are for development only; set DEV_MODE=true (the gateway then trusts them, and only then)");
    return 2;
  }
  const root = fileURLToPath(new URL("../..", import.meta.url));
  const dataDir = readString(env, "DATA_DIR") ?? join(root, ".data");
  const issuer = readString(env, "AUTH_ISSUER") ?? DEFAULT_AUTH_ISSUER;
  const audience = readString(env, "AUTH_AUDIENCE") ?? DEFAULT_AUTH_AUDIENCE;
  const ttlSeconds = args.ttl === undefined ? undefined : parseTtl(args.ttl);

  if (args.demo) {
    const extra = (["window", "department", "scopes", "region"] as const).filter((name) => args[name] !== undefined);
    if (extra.length > 0) throw new UsageError(`--demo mints the demo windows' tokens; drop --${extra.join(", --")}`);
    for (const demo of await demoTokens(dataDir, { issuer, audience }, ttlSeconds)) {
      console.log(`# ${demo.label}: ${demo.window}, ${demo.department}, ${demo.region}; scopes ${demo.scopes.join(" ")}`);
      console.log(`${tokenVariable(demo.window)}=${demo.token}`);
    }
    return 0;
  }

  if (!args.window) throw new UsageError("--window is required (e.g. --window LS-W01)");
  if (!args.department) throw new UsageError("--department is required (e.g. --department 乐山市市中区政务服务中心)");
  const scopes = (args.scopes ?? "").split(/[\s,]+/).filter(Boolean);
  const unknown = scopes.filter((s) => !isScope(s));
  if (unknown.length > 0) throw new UsageError(`unknown scope${unknown.length > 1 ? "s" : ""} ${unknown.join(", ")}; the scopes are ${ALL_SCOPES.join(", ")}`);
  if (args.region !== undefined && !/^\d{6}$/.test(args.region)) throw new UsageError(`--region ${args.region} is not a 6-digit GB/T 2260 code (e.g. 511102)`);
  const keys = await loadOrCreateDevKey(join(dataDir, DEV_TOKEN_KEY_FILE));
  const token = await mintToken(
    keys.privateKey,
    { window: args.window, department: args.department, region: args.region ?? null, scopes: [...new Set(scopes)] },
    { issuer, audience, ttlSeconds: ttlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS, kid: keys.kid },
  );
  console.log(token);
  return 0;
}

// Private: "8h" → 28800; a bare number is seconds.
function parseTtl(raw: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(raw.trim());
  const seconds = match ? Number(match[1]) * UNITS[match[2] || "s"] : NaN;
  if (!Number.isSafeInteger(seconds) || seconds <= 0 || seconds > MAX_TTL_SECONDS) {
    throw new UsageError(`--ttl ${raw} must be a positive duration like 90s, 30m, 8h or 1d, at most 30d`);
  }
  return seconds;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`token: ${error.message}\n${USAGE}`);
      process.exitCode = 2;
    } else {
      console.error(`token failed: ${(error as Error).message}`);
      process.exitCode = 1;
    }
  },
);
