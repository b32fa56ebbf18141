// casesQualityScan on both engines: a handful of clean cases plus one spoiled case per
// CASE_* rule (two where the rule has an edge worth pinning), paged with first = 3.
// Every rule must find exactly its spoiled cases, with the denominators the rule names;
// CASE_OVERDUE's boundary (asOf 00:00 +08:00) is pinned to the microsecond.
import { graphql } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { creditCodeCheckChar, encodeScanCursor, idNumberCheckChar, siloRules, type Silo } from "@onceonly/shared";
import { buildCasesSchema, createCasesContext, createSources, MIGRATIONS } from "../src/server.js";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { scanAll, type Run } from "../../../test/support/silo-scan.js";
import { testServices } from "./services.js";

const AS_OF = "2024-06-30";

interface Row {
  bjbh: string; sxbm: string; sqrzjhm: string | null; sqrxm: string | null; sqrlx: string | null;
  slsj: string | null; cnbjsj: string | null; zt: string | null; bjsj: string | null;
}

const PERSON_ID = "51110219900101" + "123" + idNumberCheckChar("51110219900101123");
const ORG_CODE = "91511102MA62K0TQ3" + creditCodeCheckChar("91511102MA62K0TQ3");
const PILOT_CODE = "91350982MA2XY4B1C" + (creditCodeCheckChar("91350982MA2XY4B1C") === "0" ? "1" : "0");

/** A clean case accepted in June, in process, due at the end of 2024-07-05 (China). */
function kase(bjbh: string, change: Partial<Row> = {}): Row {
  return {
    bjbh, sxbm: "SX001", sqrzjhm: PERSON_ID, sqrxm: "王芳", sqrlx: "1",
    slsj: "2024-06-01T09:00:00+08:00", cnbjsj: "2024-07-05T23:59:59.999+08:00", zt: "02", bjsj: null, ...change,
  };
}

const CLEAN: Row[] = [
  kase("C01", { zt: "04", bjsj: "2024-06-10T10:00:00+08:00" }),
  kase("C02", { zt: "01", cnbjsj: "2024-06-30T23:59:59.999+08:00" }), // due on the report day: not overdue yet
  kase("C03", { zt: "03", cnbjsj: "2024-06-30T00:00:00+08:00" }), // exactly the report day's start: not before it
  kase("C04", { sqrzjhm: ORG_CODE, sqrxm: "乐山嘉州公司", sqrlx: "2", zt: "05", cnbjsj: "2024-06-01T23:59:59+08:00" }), // 不予受理
  kase("C05", { zt: "07", cnbjsj: "2024-06-10T23:59:59+08:00" }), // 特别程序: the clock is paused
  kase("C06", { zt: "06", cnbjsj: null }), // open with no promised time
  kase("C07", { sqrlx: "3" }), // a kind outside the table names no standard for the code
  kase("C08", { sqrzjhm: PILOT_CODE, sqrxm: "福鼎试点公司", sqrlx: "2" }), // pilot-era: legal, not this rule's failure
];

const SPOILED: Record<string, Row[]> = {
  CASE_REQUIRED: [kase("S-REQ", { sqrxm: null }), kase("S-REQ2", { slsj: null })],
  CASE_STATUS_CODE: [kase("S-ZT", { zt: "99" })],
  CASE_APPLICANT_CODE: [
    kase("S-APP", { sqrzjhm: "511102199001011230" }),
    kase("S-APP2", { sqrzjhm: `${ORG_CODE.slice(0, 9)}I${ORG_CODE.slice(10)}`, sqrxm: "乐山嘉州公司", sqrlx: "2" }), // I is outside GB 32100's alphabet
  ],
  CASE_COMPLETED_NO_TIME: [kase("S-BJ", { zt: "04", bjsj: null })],
  // One microsecond before the report day began.
  CASE_OVERDUE: [kase("S-OVER", { zt: "06", cnbjsj: "2024-06-29T23:59:59.999999+08:00" })],
};

const ROWS = [...CLEAN, ...Object.values(SPOILED).flat()];
const EXPECTED_CHECKED: Record<string, number> = {
  CASE_REQUIRED: ROWS.length,
  CASE_STATUS_CODE: ROWS.length,
  CASE_APPLICANT_CODE: ROWS.filter((r) => r.sqrlx === "1" || r.sqrlx === "2").length,
  CASE_COMPLETED_NO_TIME: ROWS.filter((r) => r.zt === "04").length,
  CASE_OVERDUE: ROWS.filter((r) => ["01", "02", "03", "06"].includes(r.zt ?? "") && r.cnbjsj !== null).length,
};

async function load(silo: Silo): Promise<void> {
  const columns = ["bjbh", "sxbm", "sqrzjhm", "sqrxm", "sqrlx", "slsj", "cnbjsj", "zt", "bjsj"] as const;
  for (const row of ROWS) {
    await silo.query(
      `INSERT INTO sp_bj (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      columns.map((c) => row[c]),
    );
  }
}

describe.each(ENGINES)("casesQualityScan on %s", (engine) => {
  let test: TestSilo;
  let run: Run;

  beforeAll(async () => {
    test = await openTestSilo(engine, "cases", MIGRATIONS);
    await load(test.silo);
    const schema = await buildCasesSchema();
    const sources = createSources(test.silo);
    run = (source, variableValues) =>
      graphql({ schema, source, variableValues, contextValue: createCasesContext(sources, testServices(), { requestId: "test", purpose: null, window: null }) });
  });
  afterAll(() => test?.dispose());

  it("finds exactly the spoiled cases of every rule, over several pages", async () => {
    const scan = await scanAll(run, "casesQualityScan", AS_OF, 3);
    expect(scan.pages.length).toBe(Math.ceil((ROWS.length + 1) / 3));
    const expectedKeys = Object.fromEntries(siloRules("cases").map((r) => [r.id, (SPOILED[r.id] ?? []).map((row) => row.bjbh).sort()]));
    expect(Object.fromEntries(siloRules("cases").map((r) => [r.id, scan.keys.get(r.id) ?? []]))).toEqual(expectedKeys);
    expect(Object.fromEntries([...scan.counts].map(([rule, c]) => [rule, c.checked]))).toEqual(EXPECTED_CHECKED);
    for (const [rule, c] of scan.counts) expect(c.failed, rule).toBe(expectedKeys[rule].length);
    for (const page of scan.pages) {
      expect(page.counts.map((c) => c.rule)).toEqual(siloRules("cases").map((r) => r.id));
      expect(page.counts.find((c) => c.rule === "CASE_REQUIRED")!.checked).toBeLessThanOrEqual(3);
      for (const f of page.findings) expect(f.kind).toBe("CASE");
    }
  });

  it("gives the same totals in one big page", async () => {
    const small = await scanAll(run, "casesQualityScan", AS_OF, 3);
    const big = await scanAll(run, "casesQualityScan", AS_OF);
    expect(big.pages).toHaveLength(1);
    expect(big.pages[0].endCursor).toBeNull();
    expect(big.counts).toEqual(small.counts);
    expect(big.keys).toEqual(small.keys);
  });

  it("counts a case overdue from the day after its promised day (China time)", async () => {
    // As of 07-01, C02 (due 06-30 23:59:59.999) and C03 (due 06-30 00:00) are overdue too.
    const scan = await scanAll(run, "casesQualityScan", "2024-07-01", 100);
    expect(scan.keys.get("CASE_OVERDUE")).toEqual(["C02", "C03", "S-OVER"]);
    // As of 06-29, S-OVER (due 06-29 23:59:59.999999) is not.
    expect((await scanAll(run, "casesQualityScan", "2024-06-29", 100)).keys.get("CASE_OVERDUE")).toBeUndefined();
  });

  it("refuses bad arguments with BAD_USER_INPUT", async () => {
    const query = `query($asOf: LocalDate!, $after: String, $first: Int) { casesQualityScan(asOf: $asOf, after: $after, first: $first) { hasNextPage } }`;
    const zero = await run(query, { asOf: AS_OF, first: 0 });
    expect(zero.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", rule: "range" });
    const other = await run(query, { asOf: AS_OF, after: encodeScanCursor("cases", "cases", "C01", "2024-06-29") });
    expect(other.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after", rule: "asOf" });
  });

  it("declares the field for stewards only (@requiresScopes quality:read)", async () => {
    const sdl = ((await run("{ _service { sdl } }")).data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/casesQualityScan\([\s\S]*?asOf: LocalDate![\s\S]*?after: String[\s\S]*?first: Int = 20000[\s\S]*?\): QualityScanPage! @requiresScopes\(scopes: \[\["quality:read"\]\]\)/);
  });
});
