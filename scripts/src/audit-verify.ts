// npm run audit:verify [-- --jwks <file>] [--page-size N]
// Checks the gateway's audit log where it lives (AUDIT_DATABASE_URL, else the PGlite store
// in DATA_DIR/audit): every hash and link, no gap in seq, every checkpoint's signature
// (public key from AUDIT_KEY_FILE, or --jwks) and the head row. Exit 0 intact, 1 broken
// (the first broken record is named), 2 usage or the log cannot be read.
// With PGlite, stop the gateway first: an embedded store has one process at a time.
import "reflect-metadata"; // @onceonly/gateway also carries the GraphQL types
import { existsSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { auditPublicJwk, readAuditConfig, readAuditKeyFile, verifyAuditLog, type AuditPublicKeys } from "@onceonly/gateway";
import { PgliteSilo, PgSilo, type JWK, type Silo } from "@onceonly/shared";
import { parseCli, UsageError } from "./cli.js";

const USAGE = "usage: npm run audit:verify [-- --jwks <public JWK or JWKS file>] [--page-size N]   (reads AUDIT_DATABASE_URL, DATA_DIR, AUDIT_KEY_FILE)";

async function parse(argv: string[]) {
  const values = parseCli(argv, { jwks: { type: "string" }, "page-size": { type: "string" } } as const, USAGE);
  const pageRaw = values["page-size"];
  if (pageRaw !== undefined && !/^[1-9]\d{0,5}$/.test(pageRaw)) throw new UsageError(`--page-size "${pageRaw}" must be a whole number from 1 to 999999`);
  const config = readAuditConfig(process.env);
  return { config, jwks: values.jwks, pageSize: pageRaw === undefined ? undefined : Number(pageRaw) };
}

async function loadKeys(jwksFile: string | undefined, keyFile: string): Promise<AuditPublicKeys> {
  if (jwksFile !== undefined) {
    let parsed: JWK | { keys?: JWK[] };
    try {
      parsed = JSON.parse(await readFile(jwksFile, "utf8")) as JWK | { keys?: JWK[] };
    } catch (error) {
      throw new UsageError(`--jwks ${jwksFile}: cannot read a JSON key: ${(error as Error).message}`);
    }
    const keys = "keys" in parsed && Array.isArray(parsed.keys) ? parsed.keys : [parsed as JWK];
    if (keys.some((k) => k.kty !== "OKP" || typeof k.x !== "string")) throw new UsageError(`--jwks ${jwksFile} must hold Ed25519 public JWKs (kty OKP, x)`);
    // Only the public members, whatever the file holds.
    return { keys: keys.map(auditPublicJwk) };
  }
  let key;
  try {
    key = readAuditKeyFile(keyFile);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (!key) throw new UsageError(`no checkpoint key: AUDIT_KEY_FILE ${keyFile} does not exist; pass the public key with --jwks <file>`);
  return auditPublicJwk(key);
}

async function openStore(config: ReturnType<typeof readAuditConfig>): Promise<Silo> {
  // Never migrate or create here: verifying a log that is not there must fail, not
  // create an empty one and call it intact.
  if (config.databaseUrl) return new PgSilo("audit", config.databaseUrl, { max: 2 });
  const dir = join(config.dataDir, "audit");
  if (!existsSync(dir)) throw new UsageError(`no audit log at ${dir} (DATA_DIR=${config.dataDir}); set AUDIT_DATABASE_URL or DATA_DIR`);
  return PgliteSilo.open("audit", dir);
}

async function main(): Promise<number> {
  let args;
  let keys: AuditPublicKeys;
  try {
    args = await parse(process.argv.slice(2));
    keys = await loadKeys(args.jwks, args.config.keyFile);
  } catch (error) {
    if (!(error instanceof UsageError) && (error as Error).name !== "ConfigError") throw error;
    console.error(`audit:verify: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  let silo: Silo;
  try {
    silo = await openStore(args.config);
  } catch (error) {
    console.error(`audit:verify: ${(error as Error).message}`);
    return 2;
  }
  try {
    let result;
    try {
      result = await verifyAuditLog(silo, keys, { pageSize: args.pageSize });
    } catch (error) {
      console.error(`audit:verify: cannot read the audit log: ${(error as Error).message}`);
      return 2;
    }
    if (!result.ok) {
      console.log(`审计日志已损坏 audit log BROKEN (${result.records} records intact before the first problem):`);
      console.log(result.message);
      return 1;
    }
    console.log(`审计日志完好 audit log intact: ${result.records} records, ${result.checkpoints} checkpoints, head #${result.head.seq} ${result.head.hash}`);
    const unsigned = result.head.seq - (result.lastCheckpoint ?? 0);
    if (unsigned > 0) console.log(`(${unsigned} newest records after the last checkpoint #${result.lastCheckpoint ?? 0} are chained but not yet signed)`);
    return 0;
  } finally {
    await silo.close();
  }
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`audit:verify failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 2;
  },
);
