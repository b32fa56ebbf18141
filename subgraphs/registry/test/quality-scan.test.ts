// registryQualityScan on both engines: a handful of clean persons and households plus one
// spoiled record per REG_* rule (two where the rule has an edge worth pinning), paged
// with first = 3 so the persons, duplicates and households phases all span pages. Every
// rule must find exactly its spoiled records, with the denominators the rule text names.
import { graphql, type GraphQLSchema } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeScanCursor, idNumberCheckChar, siloRules, type Silo } from "@onceonly/shared";
import { buildRegistrySchema, createContext, createSources, MIGRATIONS } from "../src/server.js";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { scanAll, type Run } from "../../../test/support/silo-scan.js";
import { idNumber } from "./fixtures.js";

const AS_OF = "2024-06-30";

interface Row {
  rkbh: string; gmsfhm: string | null; xm: string | null; xb: string | null; mz: string | null; csrq: string | null;
  hh: string | null; yhzgx: string | null; hyzk: string | null; ssxq: string | null; zxrq: string | null;
}

/** A clean current person of `hh`: every field present and consistent. */
function person(rkbh: string, birth: string, seq: string, hh: string | null, yhzgx: string, change: Partial<Row> = {}): Row {
  const xb = Number(seq) % 2 === 1 ? "1" : "2";
  return { rkbh, gmsfhm: idNumber("511102", birth, seq), xm: `测试${rkbh}`, xb, mz: "01", csrq: birth, hh, yhzgx, hyzk: "10", ssxq: "511102", zxrq: null, ...change };
}

/** A valid ID number whose check character is X (to store it once as X, once as x). */
function idEndingInX(): string {
  for (let seq = 1; seq < 1000; seq++) {
    const first17 = `51110219700101${String(seq).padStart(3, "0")}`;
    if (idNumberCheckChar(first17) === "X") return `${first17}X`;
  }
  throw new Error("no X check character found");
}
const X_ID = idEndingInX();

const CLEAN: Row[] = [
  person("C01", "19800101", "011", "H1", "02"),
  person("C02", "19820202", "022", "H1", "10"),
  person("C03", "19900303", "031", "H2", "02"),
  // A household number rk_hxx lacks: the person is checked, the "household" is not.
  person("C04", "19910404", "041", "H9", "20"),
  // Born on the report day: a valid birth date and ID number.
  person("C05", "20240630", "051", "H2", "20"),
  // Cancelled rows are not current: none of their defects, duplicates or head roles count.
  person("Z01", "19800101", "011", "H1", "02", { xb: "7", csrq: "abc", mz: "77", zxrq: "20200101" }),
  person("Z02", "19900303", "031", "H2", "20", { zxrq: "20210101" }),
  person("Z03", "19700707", "071", "H3", "02", { zxrq: "20220101" }),
  person("Z04", "19600606", "061", "H0", "02", { zxrq: "20230101" }),
];

// Each spoiled row breaks one rule (REG_DUPLICATE_PERSON: two rows, one rule).
const SPOILED: Record<string, Row[]> = {
  REG_REQUIRED: [person("S-REQ", "19850505", "053", "H2", "20", { xm: "  " })],
  REG_ID_NUMBER: [person("S-ID", "19850505", "063", "H2", "20", { gmsfhm: "511102198505050630" })],
  REG_SEX_CODE: [person("S-SEX", "19850505", "073", "H2", "20", { xb: "7" })],
  REG_ETHNICITY_CODE: [person("S-MZ", "19850505", "083", "H2", "20", { mz: "77" })],
  REG_REGION_CODE: [person("S-SSXQ", "19850505", "093", "H2", "20", { ssxq: "999999" })],
  REG_MARITAL_CODE: [person("S-HYZK", "19850505", "103", "H2", "20", { hyzk: "55" })],
  REG_BIRTH_DATE: [
    person("S-CSRQ", "19950228", "113", "H2", "20", { csrq: "19950231" }),
    person("S-CSRQ2", "19950228", "123", "H2", "20", { csrq: "20240701" }), // the day after asOf
  ],
  REG_ID_BIRTH_MISMATCH: [person("S-IDB", "19850101", "133", "H2", "20", { csrq: "19850102" })],
  REG_ID_SEX_MISMATCH: [person("S-IDS", "19850101", "143", "H2", "20", { xb: "2" })],
  REG_DUPLICATE_PERSON: [
    person("S-DUP1", "19700101", "001", "H2", "20", { gmsfhm: X_ID, xb: Number(X_ID[16]) % 2 ? "1" : "2", csrq: "19700101" }),
    person("S-DUP2", "19700101", "001", "H2", "20", { gmsfhm: X_ID.toLowerCase(), xb: Number(X_ID[16]) % 2 ? "1" : "2", csrq: "19700101" }),
  ],
  // H3's head row is cancelled: its current member has no head.
  REG_HOUSEHOLD_HEAD: [person("S-HH", "19720202", "153", "H3", "20")],
};
const HOUSEHOLD_FINDINGS: Record<string, string[]> = { REG_HOUSEHOLD_HEAD: ["H3"] };
const HOUSEHOLDS = ["H0", "H1", "H2", "H3"]; // H0: only a cancelled member; H9 is not here

const ROWS = [...CLEAN, ...Object.values(SPOILED).flat()];
const CURRENT = ROWS.filter((r) => r.zxrq === null).length; // 17
const INVALID_ID = 1; // S-ID
const BAD_BIRTH = 2; // S-CSRQ, S-CSRQ2
const NO_SEX_1_2 = 1; // S-SEX

const EXPECTED_CHECKED: Record<string, number> = {
  REG_REQUIRED: CURRENT,
  REG_ID_NUMBER: CURRENT,
  REG_SEX_CODE: CURRENT,
  REG_ETHNICITY_CODE: CURRENT,
  REG_REGION_CODE: CURRENT,
  REG_MARITAL_CODE: CURRENT,
  REG_BIRTH_DATE: CURRENT,
  REG_ID_BIRTH_MISMATCH: CURRENT - INVALID_ID - BAD_BIRTH,
  REG_ID_SEX_MISMATCH: CURRENT - INVALID_ID - NO_SEX_1_2,
  REG_DUPLICATE_PERSON: CURRENT,
  REG_HOUSEHOLD_HEAD: 3, // H1, H2, H3
};

async function load(silo: Silo): Promise<void> {
  for (const hh of HOUSEHOLDS) await silo.query("INSERT INTO rk_hxx (hh, hlx, ssxq) VALUES ($1, '1', '511102')", [hh]);
  const columns = ["rkbh", "gmsfhm", "xm", "xb", "mz", "csrq", "hh", "yhzgx", "hyzk", "ssxq", "zxrq"] as const;
  for (const row of ROWS) {
    await silo.query(
      `INSERT INTO rk_jbxx (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      columns.map((c) => row[c]),
    );
  }
}

describe.each(ENGINES)("registryQualityScan on %s", (engine) => {
  let test: TestSilo;
  let schema: GraphQLSchema;
  let run: Run;

  beforeAll(async () => {
    test = await openTestSilo(engine, "registry", MIGRATIONS);
    await load(test.silo);
    schema = await buildRegistrySchema();
    const sources = createSources(test.silo);
    run = (source, variableValues) =>
      graphql({ schema, source, variableValues, contextValue: createContext(sources, { requestId: "test", purpose: null, window: null }) });
  });
  afterAll(() => test?.dispose());

  it("finds exactly the spoiled records of every rule, over several pages and every phase", async () => {
    const scan = await scanAll(run, "registryQualityScan", AS_OF, 3);
    expect(scan.pages.length).toBeGreaterThan(6);
    const expectedKeys = Object.fromEntries(
      siloRules("registry").map((r) => [r.id, HOUSEHOLD_FINDINGS[r.id] ?? (SPOILED[r.id] ?? []).map((row) => row.rkbh).sort()]),
    );
    expect(Object.fromEntries(siloRules("registry").map((r) => [r.id, scan.keys.get(r.id) ?? []]))).toEqual(expectedKeys);
    expect(Object.fromEntries([...scan.counts].map(([rule, c]) => [rule, c.checked]))).toEqual(EXPECTED_CHECKED);
    for (const [rule, c] of scan.counts) expect(c.failed, rule).toBe(expectedKeys[rule].length);
    for (const page of scan.pages) {
      // Every page names every rule, and no page reads more than `first` persons.
      expect(page.counts.map((c) => c.rule)).toEqual(siloRules("registry").map((r) => r.id));
      expect(page.counts.find((c) => c.rule === "REG_REQUIRED")!.checked).toBeLessThanOrEqual(3);
      for (const f of page.findings) expect(f.kind).toBe(f.rule === "REG_HOUSEHOLD_HEAD" ? "HOUSEHOLD" : "PERSON");
    }
  });

  it("gives the same totals in big pages, one per phase", async () => {
    const small = await scanAll(run, "registryQualityScan", AS_OF, 3);
    const big = await scanAll(run, "registryQualityScan", AS_OF);
    expect(big.pages).toHaveLength(3);
    expect(big.pages.map((p) => p.hasNextPage)).toEqual([true, true, false]);
    expect(big.pages[2].endCursor).toBeNull();
    expect(big.counts).toEqual(small.counts);
    expect(big.keys).toEqual(small.keys);
  });

  it("judges birth dates against asOf", async () => {
    // A day earlier, C05 (born 2024-06-30) is born after the report day, and so is its ID number.
    const scan = await scanAll(run, "registryQualityScan", "2024-06-29", 50);
    expect(scan.keys.get("REG_BIRTH_DATE")).toEqual(["C05", "S-CSRQ", "S-CSRQ2"]);
    expect(scan.keys.get("REG_ID_NUMBER")).toEqual(["C05", "S-ID"]);
  });

  it("refuses bad arguments with BAD_USER_INPUT before any SQL", async () => {
    const query = `query($asOf: LocalDate!, $after: String, $first: Int) { registryQualityScan(asOf: $asOf, after: $after, first: $first) { hasNextPage } }`;
    const refusal = async (variables: Record<string, unknown>) => {
      const result = await run(query, variables);
      expect(result.errors?.length, JSON.stringify(variables)).toBe(1);
      return result.errors![0];
    };
    for (const first of [0, -1, 50_001]) {
      const error = await refusal({ asOf: AS_OF, first });
      expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", rule: "range" });
      expect(error.message).toContain("1 to 50000");
    }
    expect((await refusal({ asOf: AS_OF, after: "not a cursor!" })).extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after", rule: "cursor" });
    const licences = encodeScanCursor("licenses", "licences", "x", AS_OF);
    expect((await refusal({ asOf: AS_OF, after: licences })).extensions).toMatchObject({ argument: "after", rule: "cursor" });
    const otherDay = encodeScanCursor("registry", "persons", "C01", "2024-01-01");
    const error = await refusal({ asOf: AS_OF, after: otherDay });
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after", rule: "asOf" });
    expect(error.message).toContain("2024-01-01");
    expect((await refusal({ asOf: "2024-02-30" })).message).toContain("LocalDate");
  });

  it("declares the field for stewards only (@requiresScopes quality:read)", async () => {
    const result = await run("{ _service { sdl } }");
    const sdl = (result.data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/registryQualityScan\([\s\S]*?asOf: LocalDate![\s\S]*?after: String[\s\S]*?first: Int = 20000[\s\S]*?\): QualityScanPage! @requiresScopes\(scopes: \[\["quality:read"\]\]\)/);
  });
});
