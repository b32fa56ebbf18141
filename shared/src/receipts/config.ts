// Where the receipt signing keys live and how long a receipt stays alive.
import { join } from "node:path";
import { readInt, readString } from "../config/env.js";

export interface ReceiptKeyConfig {
  /** JSON key store holding the private keys (mode 0600). */
  keysFile: string;
  /** Receipt lifetime: exp = iat + ttlSeconds; a retired key stays published this long. */
  ttlSeconds: number;
}

export const DEFAULT_RECEIPT_TTL_SECONDS = 7 * 24 * 3600;

export function readReceiptKeyConfig(env: Record<string, string | undefined>): ReceiptKeyConfig {
  const dataDir = readString(env, "DATA_DIR") ?? ".data";
  return {
    keysFile: readString(env, "RECEIPT_KEYS_FILE") ?? join(dataDir, "receipt-keys.json"),
    // At least a minute (a receipt must outlive its HTTP round trip), at most five years.
    ttlSeconds: readInt(env, "RECEIPT_TTL_SECONDS", DEFAULT_RECEIPT_TTL_SECONDS, 60, 5 * 365 * 24 * 3600),
  };
}
