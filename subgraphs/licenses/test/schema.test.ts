// The contract other subgraphs and the gateway compose against, and the derived fields
// that need no silo.
import { describe, expect, it } from "vitest";
import { ConfigError, subgraphSdl } from "@onceonly/shared";
import { readLicensesConfig } from "../src/config.js";
import { isExpired, shanghaiToday } from "../src/resolvers/expiry.js";
import { buildLicensesSchema } from "../src/server.js";

describe("licences subgraph schema", () => {
  it("declares the agreed entities, keys and fields", async () => {
    // Descriptions, line breaks and access directives removed: the contract is the names
    // and types (the directives are checked below and by the gateway's policy tests).
    const full = subgraphSdl(await buildLicensesSchema())
      .replace(/"""[\s\S]*?"""/g, "")
      .replace(/\s+/g, " ")
      .replace(/\( /g, "(")
      .replace(/ \)/g, ")");
    expect(full).toMatch(/holderName: String @requiresScopes\(scopes: \[\["licenses:read"\]\]\) @policy\(policies: \[\["personal"\]\]\)/);
    expect(full).toMatch(/verifyLicense\(input: VerifyLicenseInput!\): LicenseVerification! @requiresScopes\(scopes: \[\["licenses:read"\], \["licenses:verify"\]\]\)/);
    const sdl = full.replace(/ @(requiresScopes|policy)\(\w+: \[[^)]*\]\)/g, "").replace(/ @authenticated/g, "");
    for (const pattern of [
      /type LicenseType\s+@key\(fields: "code"\)/,
      /type License\s+@key\(fields: "id"\)/,
      /type Person\s+@key\(fields: "idNumber"\)/,
      /type Organization\s+@key\(fields: "creditCode"\)/,
      /union Holder = Person \| Organization/,
      // The registry's facts are @external: only the data quality check of a holder's licences @requires them.
      /type Person @key\(fields: "idNumber"\) \{ idNumber: ID! registered: Boolean! @external name: String @external deceased: Boolean! @external licenses\(status: \[LicenseStatus!\] types: \[ID!\]\): \[License!\]! licenseEvidence: \[LicenseEvidence!\]! licenseUsage\(first: Int = 20 after: String\): LicenseUsageConnection! qualityHolderCheck: QualityHolderCheck! @requires\(fields: "registered name deceased"\) \}/,
      /licenses\(status: \[LicenseStatus!\] types: \[ID!\]\): \[License!\]! licenseEvidence: \[LicenseEvidence!\]! licenseUsage\(first: Int = 20 after: String\): LicenseUsageConnection! \}/,
      // The field contract with the cases subgraph's readiness (names exactly as agreed).
      /type LicenseEvidence \{ licenseId: ID! license: License! typeCode: ID! typeName: String number: String holderName: String issuer: String issuedOn: LocalDate validUntil: LocalDate status: LicenseStatus outcome: VerificationOutcome! receipt: String checkedAt: DateTimeISO! updatedAt: DateTimeISO \}/,
      /enum VerificationOutcome \{ VALID EXPIRED NOT_YET_VALID REVOKED CANCELLED REPORTED_LOST HOLDER_MISMATCH NOT_FOUND MALFORMED_IDENTIFIER \}/,
      /type License @key\(fields: "id"\) \{ id: ID! type: LicenseType number: String name: String holder: Holder holderName: String holderCode: String issuer: Issuer issuedOn: LocalDate validFrom: LocalDate validUntil: LocalDate status: LicenseStatus expired: Boolean! updatedAt: DateTimeISO usage\(first: Int = 20 after: String\): LicenseUsageConnection! \}/,
      /verifyLicense\(input: VerifyLicenseInput!\): LicenseVerification! verifyLicenses\(inputs: \[VerifyLicenseInput!\]!\): \[LicenseVerification!\]! /,
      /type PageInfo @shareable \{ hasNextPage: Boolean! endCursor: String \}/,
      /type Organization @key\(fields: "creditCode"\) \{ creditCode: ID! name: String legalRepresentative: String address: String recordKey: ID updatedAt: DateTimeISO region: Region creditCodeCheckDigitValid: Boolean! licenses\(/,
      /type Issuer \{ name: String code: String \}/,
      /license\(id: ID!\): License /,
      /licenseByNumber\(typeCode: ID! number: String!\): License /,
      /licenseTypes: \[LicenseType!\]! /,
    ]) {
      expect(sdl).toMatch(pattern);
    }
  });
});

describe("expiry (Asia/Shanghai)", () => {
  it("counts the day in China, whatever the server's zone", () => {
    expect(shanghaiToday(new Date("2024-06-01T15:59:59Z"))).toBe("2024-06-01");
    expect(shanghaiToday(new Date("2024-06-01T16:00:00Z"))).toBe("2024-06-02");
  });

  it("keeps a licence valid through its last day; long-term never expires", () => {
    expect(isExpired("2024-06-01", new Date("2024-06-01T15:59:59Z"))).toBe(false);
    expect(isExpired("2024-06-01", new Date("2024-06-01T16:00:00Z"))).toBe(true);
    expect(isExpired(null, new Date("2999-01-01T00:00:00Z"))).toBe(false);
  });
});

// Every subgraph refuses to start without the gateway's signing secret (see shared signing.ts).
const SECRET = "0123456789abcdef0123456789abcdef";
const SIGNED = { SUBGRAPH_SIGNING_SECRET: SECRET };

describe("config", () => {
  it("defaults to port 4002 on 127.0.0.1, PGlite under .data, no demo seed", () => {
    expect(readLicensesConfig(SIGNED)).toEqual({ port: 4002, host: "127.0.0.1", silo: { databaseUrl: undefined, dataDir: ".data" }, demo: null, signing: { secret: SECRET, maxAgeSeconds: 30 } });
  });

  it("reads every variable", () => {
    const config = readLicensesConfig({
      LICENSES_PORT: "5002",
      LICENSES_HOST: "0.0.0.0",
      LICENSES_DATABASE_URL: "postgres://postgres@127.0.0.1:5432/licenses",
      DATA_DIR: "/tmp/silos",
      SEED_DEMO_PERSONS: "2000",
      ...SIGNED,
    });
    expect(config).toEqual({
      port: 5002,
      host: "0.0.0.0",
      silo: { databaseUrl: "postgres://postgres@127.0.0.1:5432/licenses", dataDir: "/tmp/silos" },
      demo: { persons: 2000, seed: 42 },
      signing: { secret: SECRET, maxAgeSeconds: 30 },
    });
  });

  it.each([
    ["LICENSES_PORT", "http"],
    ["LICENSES_DATABASE_URL", "mysql://x"],
    ["SEED_DEMO_PERSONS", "many"],
  ])("fails fast on an invalid %s", (name, value) => {
    expect(() => readLicensesConfig({ ...SIGNED, [name]: value })).toThrow(ConfigError);
    expect(() => readLicensesConfig({ ...SIGNED, [name]: value })).toThrow(name);
  });
});
