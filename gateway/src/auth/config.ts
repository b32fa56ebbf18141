// Where window tokens come from: issuer, audience and the keys that sign them. Production
// names the identity provider's JWKS (AUTH_JWKS_URL) or a public key file; development
// (DEV_MODE) also trusts the key `npm run token` and `npm start` mint with. With neither,
// the gateway refuses to start: it never runs without checking who calls.
import { join } from "node:path";
import { ConfigError, readBoolean, readString, readUrl } from "@onceonly/shared";

export interface AuthConfig {
  /** DEV_MODE: trust the development token key in DATA_DIR besides any configured key. */
  devMode: boolean;
  /** Accepted `iss`. */
  issuer: string;
  /** Accepted `aud` (the token must name it, alone or among others). */
  audience: string;
  /** The identity provider's JWKS, fetched and cached (keys picked by `kid`). */
  jwksUrl: string | null;
  /** A public key, JWK JSON (one key or a { keys } set) or SPKI PEM. */
  publicKeyFile: string | null;
  /** The development key pair (private JWK, mode 0600): DATA_DIR/dev-token-key.json. */
  devKeyFile: string;
}

export const DEFAULT_AUTH_ISSUER = "onceonly-dev";
export const DEFAULT_AUTH_AUDIENCE = "onceonly-gateway";
export const DEV_TOKEN_KEY_FILE = "dev-token-key.json";

export function readAuthConfig(env: Record<string, string | undefined> = process.env): AuthConfig {
  const config: AuthConfig = {
    devMode: readBoolean(env, "DEV_MODE", false),
    issuer: readString(env, "AUTH_ISSUER") ?? DEFAULT_AUTH_ISSUER,
    audience: readString(env, "AUTH_AUDIENCE") ?? DEFAULT_AUTH_AUDIENCE,
    jwksUrl: readUrl(env, "AUTH_JWKS_URL", ["https:", "http:"]) ?? null,
    publicKeyFile: readString(env, "AUTH_PUBLIC_KEY_FILE") ?? null,
    devKeyFile: join(readString(env, "DATA_DIR") ?? ".data", DEV_TOKEN_KEY_FILE),
  };
  if (!config.devMode && config.jwksUrl === null && config.publicKeyFile === null) {
    throw new ConfigError(
      "no key to verify window tokens with: set AUTH_JWKS_URL (the identity provider's JWKS) or AUTH_PUBLIC_KEY_FILE " +
        "(a JWK or PEM public key); for development only, DEV_MODE=true trusts the key of `npm run token`",
    );
  }
  return config;
}
