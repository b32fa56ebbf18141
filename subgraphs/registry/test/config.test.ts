import { describe, expect, it } from "vitest";
import { ConfigError } from "@onceonly/shared";
import { readRegistryConfig } from "../src/config.js";

describe("registry config", () => {
  it("defaults to 127.0.0.1:4001, PGlite under .data, no demo seed", () => {
    expect(readRegistryConfig({})).toEqual({
      port: 4001,
      host: "127.0.0.1",
      silo: { databaseUrl: undefined, dataDir: ".data" },
      demo: null,
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
      }),
    ).toEqual({
      port: 0,
      host: "0.0.0.0",
      silo: { databaseUrl: "postgres://postgres@db:5432/registry", dataDir: "/var/lib/onceonly" },
      demo: { persons: 2000, seed: 42 },
    });
    expect(readRegistryConfig({ SEED_DEMO_PERSONS: "10", SEED_DEMO_SEED: "7" }).demo).toEqual({ persons: 10, seed: 7 });
  });

  it.each([
    [{ REGISTRY_PORT: "http" }, /REGISTRY_PORT/],
    [{ REGISTRY_PORT: "70000" }, /REGISTRY_PORT/],
    [{ REGISTRY_DATABASE_URL: "mysql://x" }, /REGISTRY_DATABASE_URL/],
    [{ SEED_DEMO_PERSONS: "many" }, /SEED_DEMO_PERSONS/],
    [{ SEED_DEMO_PERSONS: "10", SEED_DEMO_SEED: "-1" }, /SEED_DEMO_SEED/],
    [{ SEED_DEMO_PERSONS: "10", SEED_DEMO_SEED: "4294967296" }, /SEED_DEMO_SEED/],
  ])("fails fast on %j, naming the variable", (env, name) => {
    expect(() => readRegistryConfig(env)).toThrow(ConfigError);
    expect(() => readRegistryConfig(env)).toThrow(name);
  });
});
