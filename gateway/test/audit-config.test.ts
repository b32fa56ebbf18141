// Where the audit log lives and its key: configuration, the on-disk PGlite store, the key
// file created once with mode 0600 and reused after a restart.
import { mkdtemp, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { readAuditConfig } from "../src/audit/config.js";
import { readAuditKeyFile } from "../src/audit/key.js";
import { openAuditLog } from "../src/audit/open-audit-log.js";
import { verifyAuditLog } from "../src/audit/verify.js";
import { entry } from "./audit-support.js";

describe("readAuditConfig", () => {
  it("defaults to PGlite in DATA_DIR/audit, the key beside it, a checkpoint every 1000 records", () => {
    expect(readAuditConfig({})).toEqual({ databaseUrl: undefined, dataDir: ".data", keyFile: join(".data", "audit-key.json"), checkpointEvery: 1000 });
    expect(
      readAuditConfig({ AUDIT_DATABASE_URL: "postgres://u@db:5432/audit", DATA_DIR: "/var/lib/x", AUDIT_KEY_FILE: "/keys/a.json", AUDIT_CHECKPOINT_EVERY: "10" }),
    ).toEqual({ databaseUrl: "postgres://u@db:5432/audit", dataDir: "/var/lib/x", keyFile: "/keys/a.json", checkpointEvery: 10 });
  });

  it("refuses invalid values, naming the variable", () => {
    expect(() => readAuditConfig({ AUDIT_CHECKPOINT_EVERY: "0" })).toThrow('AUDIT_CHECKPOINT_EVERY="0" must be an integer from 1 to 1000000');
    expect(() => readAuditConfig({ AUDIT_DATABASE_URL: "mysql://db/audit" })).toThrow(/AUDIT_DATABASE_URL=.* must use postgres: or postgresql:/);
  });
});

describe("openAuditLog(config) on PGlite", () => {
  let dir: string | undefined;
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
    dir = undefined;
  });

  it("creates the store and a 0600 key on first start and reuses both after a restart", async () => {
    dir = await mkdtemp(join(tmpdir(), "onceonly-audit-"));
    const config = readAuditConfig({ DATA_DIR: dir, AUDIT_CHECKPOINT_EVERY: "2" });
    let log = await openAuditLog(config);
    await log.append(entry(0));
    await log.append(entry(1));
    await log.close();
    expect((await stat(config.keyFile)).mode & 0o777).toBe(0o600);
    expect((await stat(join(dir, "audit"))).isDirectory()).toBe(true);
    const kid = readAuditKeyFile(config.keyFile)?.kid;

    log = await openAuditLog(config);
    await log.append(entry(2));
    expect(await log.head()).toMatchObject({ seq: 3 });
    await log.close();
    expect(readAuditKeyFile(config.keyFile)?.kid).toBe(kid);

    log = await openAuditLog(config);
    try {
      expect(await verifyAuditLog(log.silo, log.publicKey)).toMatchObject({ ok: true, records: 3, checkpoints: 2 });
    } finally {
      await log.close();
    }
  });

  it("refuses a key file that is not a key, naming it", async () => {
    dir = await mkdtemp(join(tmpdir(), "onceonly-audit-"));
    const keyFile = join(dir, "audit-key.json");
    await writeFile(keyFile, "{ not json");
    await expect(openAuditLog(readAuditConfig({ DATA_DIR: dir }))).rejects.toThrow(`audit key file ${keyFile} is not JSON`);
    await writeFile(keyFile, JSON.stringify({ kty: "RSA" }));
    expect(() => readAuditKeyFile(keyFile)).toThrow(/must hold an Ed25519 private JWK/);
    expect(await readFile(keyFile, "utf8")).toContain("RSA");
  });
});
