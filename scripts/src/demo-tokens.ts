// A development token for each demo identity (shared/src/security/demo-windows.ts), signed
// with the development key in DATA_DIR, which the gateway trusts in DEV_MODE. `npm start`
// prints them; `npm run token -- --demo` prints them on demand.
import { join } from "node:path";
import { DEV_TOKEN_KEY_FILE, loadOrCreateDevKey, mintToken } from "@onceonly/gateway";
import { DEMO_WINDOWS, type DemoWindow } from "@onceonly/shared";

export interface DemoToken extends DemoWindow {
  token: string;
}

/** What `npm start` prints tokens for: valid through a working day and then some. */
export const DEMO_TOKEN_TTL_SECONDS = 12 * 3600;

export async function demoTokens(
  dataDir: string,
  config: { issuer: string; audience: string },
  ttlSeconds: number = DEMO_TOKEN_TTL_SECONDS,
): Promise<DemoToken[]> {
  const keys = await loadOrCreateDevKey(join(dataDir, DEV_TOKEN_KEY_FILE));
  return Promise.all(
    DEMO_WINDOWS.map(async (identity) => ({
      ...identity,
      token: await mintToken(keys.privateKey, identity, { issuer: config.issuer, audience: config.audience, ttlSeconds, kid: keys.kid }),
    })),
  );
}

/** The shell variable `--demo` assigns a window's token to: TOKEN_LS_W01 … */
export function tokenVariable(window: string): string {
  return `TOKEN_${window.replace(/[^A-Za-z0-9]/g, "_").toUpperCase()}`;
}
