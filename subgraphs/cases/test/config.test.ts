import { ConfigError } from "@onceonly/shared";
import { describe, expect, test } from "vitest";
import { readCasesConfig } from "../src/config.js";

// Every subgraph refuses to start without the gateway's signing secret (see shared signing.ts).
const SECRET = "0123456789abcdef0123456789abcdef";
const SIGNED = { SUBGRAPH_SIGNING_SECRET: SECRET };

describe("cases config", () => {
  test("defaults: port 4003 on 127.0.0.1, PGlite under .data, no demo seed", () => {
    expect(readCasesConfig(SIGNED)).toEqual({
      port: 4003,
      host: "127.0.0.1",
      silo: { databaseUrl: undefined, dataDir: ".data" },
      demo: null,
      signing: { secret: SECRET, maxAgeSeconds: 30 },
      acceptance: { receiptJwksUrl: "http://127.0.0.1:4002/.well-known/jwks.json", receiptMaxAgeSeconds: 3600, readinessMaxAgeSeconds: 3600 },
      holidayCalendarFile: null,
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
      RECEIPT_JWKS_URL: "https://gateway.example.gov.cn/.well-known/jwks.json",
      RECEIPT_MAX_AGE_SECONDS: "600",
      READINESS_MAX_AGE_SECONDS: "900",
      HOLIDAY_CALENDAR_FILE: "/etc/onceonly/holidays.json",
      ...SIGNED,
    });
    expect(config).toEqual({
      port: 0,
      host: "0.0.0.0",
      silo: { databaseUrl: "postgres://postgres@127.0.0.1:5432/cases", dataDir: "/tmp/x" },
      demo: { persons: 2000, seed: 7 },
      signing: { secret: SECRET, maxAgeSeconds: 30 },
      acceptance: { receiptJwksUrl: "https://gateway.example.gov.cn/.well-known/jwks.json", receiptMaxAgeSeconds: 600, readinessMaxAgeSeconds: 900 },
      holidayCalendarFile: "/etc/onceonly/holidays.json",
    });
  });

  test.each([
    ["CASES_PORT", "70000"],
    ["CASES_PORT", "http"],
    ["CASES_DATABASE_URL", "mysql://db/cases"],
    ["SEED_DEMO_PERSONS", "lots"],
    ["SEED_DEMO_PERSONS", "0"],
    ["SEED_DEMO_SEED", "-1"],
    ["RECEIPT_JWKS_URL", "file:///etc/jwks.json"],
    ["RECEIPT_MAX_AGE_SECONDS", "0"],
    ["READINESS_MAX_AGE_SECONDS", "an hour"],
  ])("%s=%s is refused at start, naming the variable", (name, value) => {
    expect(() => readCasesConfig({ ...SIGNED, [name]: value })).toThrow(ConfigError);
    expect(() => readCasesConfig({ ...SIGNED, [name]: value })).toThrow(name);
  });
});
