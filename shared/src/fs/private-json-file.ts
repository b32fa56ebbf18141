// Files that hold a private key as JSON (receipt keys, the audit checkpoint key, the
// development token key): created once, readable by the owner only, never overwritten
// by a second process that starts at the same moment.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/**
 * Writes `value` to `path` (mode 0600, its folder created) unless the file exists.
 * "exists": another process got there first; read its file instead of keeping `value`.
 */
export function createPrivateJsonFile(path: string, value: unknown): "created" | "exists" {
  mkdirSync(dirname(path), { recursive: true });
  try {
    // "wx": two processes starting together must not both create a key; the loser reads.
    writeFileSync(path, JSON.stringify(value, null, 2) + "\n", { mode: 0o600, flag: "wx" });
    return "created";
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    return "exists";
  }
}

/**
 * The parsed JSON in `path`, or null when there is no file. Not JSON (or a bare null)
 * throws `${whatItIs} ${path} ${notJson}`; checking the shape is the caller's.
 */
export function readJsonFile<T>(path: string, whatItIs: string, notJson: string): T | null {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw error;
  }
  let value: T | null;
  try {
    value = JSON.parse(text) as T | null;
  } catch {
    value = null;
  }
  // A file holding `null` is no more a key than one holding garbage; null here means "no file".
  if (value === null) throw new Error(`${whatItIs} ${path} ${notJson}`);
  return value;
}
