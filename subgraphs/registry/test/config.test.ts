import { describe, expect, it } from "vitest";
import { ConfigError } from "@onceonly/shared";
import { readRegistryConfig } from "../src/config.js";

// Every subgraph refuses to start without the gateway's signing secret (see shared signing.ts).
const SECRET = "0123456789abcdef0123456789abcdef";
const SIGNED = { SUBGRAPH_SIGNING_SECRET: SECRET };

describe("registry config", () => {
  it("defaults to 127.0.0.1:4001, PGlite under .data, no demo seed", () => {
    expect(readRegistryConfig(SIGNED)).toEqual({
      port: 4001,
      host: "127.0.0.1",
      silo: { databaseUrl: undefined, dataDir: ".data" },
      demo: null,
      signing: { secret: SECRET, maxAgeSeconds: 30 },
    });
  });

  it("reads every variable it knows", () => {
    expect(
      readRegistryConfig({
        REGISTRY_PORT: "0",
        REGISTRY_HOST: "0.0.0.0",
        REGISTRY_DATABASE_URL: "postgres://postgres@db:5432/registry",
        DATA_DIR: "/var/lib/onceonly",
        SEED_DEMO_PERSONS: "2000",
        SUBGRAPH_SIGNING_SECRET: SECRET,
        SIGNATURE_MAX_AGE_SECONDS: "10",
      }),
    ).toEqual({
      port: 0,
      host: "0.0.0.0",
      silo: { databaseUrl: "postgres://postgres@db:5432/registry", dataDir: "/var/lib/onceonly" },
      demo: { persons: 2000, seed: 42 },
      signing: { secret: SECRET, maxAgeSeconds: 10 },
    });
    expect(readRegistryConfig({ ...SIGNED, SEED_DEMO_PERSONS: "10", SEED_DEMO_SEED: "7" }).demo).toEqual({ persons: 10, seed: 7 });
  });

  it.each([
    [{ REGISTRY_PORT: "http" }, /REGISTRY_PORT/],
    [{ REGISTRY_PORT: "70000" }, /REGISTRY_PORT/],
    [{ REGISTRY_DATABASE_URL: "mysql://x" }, /REGISTRY_DATABASE_URL/],
    [{ SEED_DEMO_PERSONS: "many" }, /SEED_DEMO_PERSONS/],
    [{ SEED_DEMO_PERSONS: "10", SEED_DEMO_SEED: "-1" }, /SEED_DEMO_SEED/],
    [{ SEED_DEMO_PERSONS: "10", SEED_DEMO_SEED: "4294967296" }, /SEED_DEMO_SEED/],
    [{ SIGNATURE_MAX_AGE_SECONDS: "0" }, /SIGNATURE_MAX_AGE_SECONDS/],
  ])("fails fast on %j, naming the variable", (env, name) => {
    expect(() => readRegistryConfig({ ...SIGNED, ...env })).toThrow(ConfigError);
    expect(() => readRegistryConfig({ ...SIGNED, ...env })).toThrow(name);
  });

  it("refuses to start without SUBGRAPH_SIGNING_SECRET, or with one under 32 characters, never echoing it", () => {
    expect(() => readRegistryConfig({})).toThrow(ConfigError);
    expect(() => readRegistryConfig({})).toThrow(/SUBGRAPH_SIGNING_SECRET is not set.*at least 32 characters/);
    expect(() => readRegistryConfig({ SUBGRAPH_SIGNING_SECRET: "short-secret" })).toThrow(/SUBGRAPH_SIGNING_SECRET is 12 characters long, fewer than 32/);
    expect(() => readRegistryConfig({ SUBGRAPH_SIGNING_SECRET: "short-secret" })).not.toThrow(/short-secret/);
  });
});
