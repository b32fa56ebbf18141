import { assertDeclared } from "./variables.js";

// Environment readers that tell "unset" (use the default) from "set but invalid"
// (fail at start, naming the variable and the rule), so a typo never runs silently.

export class ConfigError extends Error {
  override name = "ConfigError";
}

type Env = Record<string, string | undefined>;

export function readString(env: Env, name: string): string | undefined {
  assertDeclared(name);
  const value = env[name];
  return value === undefined || value.trim() === "" ? undefined : value.trim();
}

export function readPort(env: Env, name: string, fallback: number): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ConfigError(`${name}="${raw}" is not a TCP port (an integer 0-65535; 0 picks a free one)`);
  }
  return port;
}

export function readInt(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min || n > max) {
    throw new ConfigError(`${name}="${raw}" must be an integer from ${min} to ${max}`);
  }
  return n;
}

export function readUrl(env: Env, name: string, protocols: readonly string[]): string | undefined {
  const raw = readString(env, name);
  if (raw === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new ConfigError(`${name}="${redact(raw)}" is not a URL`);
  }
  if (!protocols.includes(url.protocol)) {
    throw new ConfigError(`${name}="${redact(raw)}" must use ${protocols.join(" or ")}`);
  }
  return raw;
}

export function readBoolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = readString(env, name);
  if (raw === undefined) return fallback;
  if (/^(1|true|yes|on)$/i.test(raw)) return true;
  if (/^(0|false|no|off)$/i.test(raw)) return false;
  throw new ConfigError(`${name}="${raw}" must be true or false`);
}

// Private: never print a password from a connection string.
function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:***@");
}
