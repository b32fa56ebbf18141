import { ConfigError } from "@onceonly/shared";
import { describe, expect, test } from "vitest";
import { readCasesConfig } from "../src/config.js";

describe("cases config", () => {
  test("defaults: port 4003 on 127.0.0.1, PGlite under .data, no demo seed", () => {
    expect(readCasesConfig({})).toEqual({
      port: 4003,
      host: "127.0.0.1",
      silo: { databaseUrl: undefined, dataDir: ".data" },
      demo: null,
    });
  });

  test("reads every variable", () => {
    const config = readCasesConfig({
      CASES_PORT: "0",
      CASES_HOST: "0.0.0.0",
      CASES_DATABASE_URL: "postgres://postgres@127.0.0.1:5432/cases",
      DATA_DIR: "/tmp/x",
      SEED_DEMO_PERSONS: "2000",
      SEED_DEMO_SEED: "7",
    });
    expect(config).toEqual({
      port: 0,
      host: "0.0.0.0",
      silo: { databaseUrl: "postgres://postgres@127.0.0.1:5432/cases", dataDir: "/tmp/x" },
      demo: { persons: 2000, seed: 7 },
    });
  });

  test.each([
    ["CASES_PORT", "70000"],
    ["CASES_PORT", "http"],
    ["CASES_DATABASE_URL", "mysql://db/cases"],
    ["SEED_DEMO_PERSONS", "lots"],
    ["SEED_DEMO_PERSONS", "0"],
    ["SEED_DEMO_SEED", "-1"],
  ])("%s=%s is refused at start, naming the variable", (name, value) => {
    expect(() => readCasesConfig({ [name]: value })).toThrow(ConfigError);
    expect(() => readCasesConfig({ [name]: value })).toThrow(name);
  });
});
