// The receipt key file: { "keys": [private JWK + kid, createdAt, status, retiredAt] }.
// Exactly one key is active and signs; retired keys are kept (and published) until
// every receipt they signed has expired, then dropped at the next rotation.
import { renameSync, statSync, writeFileSync } from "node:fs";
import { createPrivateJsonFile, readJsonFile } from "../fs/private-json-file.js";
import type { ReceiptKeyConfig } from "./config.js";
import { generateReceiptKey, isPublished, type StoredReceiptKey } from "./keys.js";

const NOT_JSON = "is not JSON; restore it from backup (a new key would orphan every receipt signed so far)";

export interface ReceiptKeyFile {
  keys: StoredReceiptKey[];
}

/** The key file, created with one active key when missing. */
export async function loadOrCreateKeyFile(path: string, now = new Date()): Promise<ReceiptKeyFile> {
  const existing = readKeyFile(path);
  if (existing) return existing;
  const created: ReceiptKeyFile = { keys: [await generateReceiptKey(now)] };
  // Two processes starting together: the one that did not create the file uses the other's keys.
  return createPrivateJsonFile(path, created) === "created" ? created : (readKeyFile(path) ?? created);
}

/** The key file, or null when there is none; throws naming the file when it is corrupt. */
export function readKeyFile(path: string): ReceiptKeyFile | null {
  const file = readJsonFile<ReceiptKeyFile>(path, "receipt key file", NOT_JSON);
  if (file === null) return null;
  const active = Array.isArray(file.keys) ? file.keys.filter((k) => k.status === "active") : [];
  if (active.length !== 1 || file.keys.some((k) => typeof k.kid !== "string" || typeof k.d !== "string")) {
    throw new Error(`receipt key file ${path} must hold private JWKs with kid and exactly one active key (found ${active.length})`);
  }
  return file;
}

/** Retires the active key, adds a new active one, drops keys whose receipts are all expired. */
export async function rotateReceiptKeys(config: ReceiptKeyConfig, now = new Date()): Promise<{ retired: string; active: string }> {
  const file = await loadOrCreateKeyFile(config.keysFile, now);
  const retired = file.keys.find((k) => k.status === "active") as StoredReceiptKey;
  retired.status = "retired";
  retired.retiredAt = now.toISOString();
  const fresh = await generateReceiptKey(now);
  const keys = [fresh, ...file.keys.filter((k) => isPublished(k, now, config.ttlSeconds))];
  // Write then rename: a signer reading concurrently sees the old file or the new one, never half.
  const temporary = `${config.keysFile}.${process.pid}.tmp`;
  writeFileSync(temporary, JSON.stringify({ keys }, null, 2) + "\n", { mode: 0o600 });
  renameSync(temporary, config.keysFile);
  return { retired: retired.kid, active: fresh.kid };
}

/** Changes whenever the file is replaced, so a signer knows to reload. */
export function keyFileVersion(path: string): string {
  const stat = statSync(path);
  return `${stat.ino}:${stat.mtimeMs}:${stat.size}`;
}
