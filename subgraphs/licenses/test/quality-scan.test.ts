// licensesQualityScan on both engines: a handful of clean licences plus one spoiled
// licence per LIC_* rule (two where the rule has an edge worth pinning), paged with
// first = 3 so the licences and duplicates phases both span pages. Every rule must find
// exactly its spoiled licences, with the denominators the rule text names.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeScanCursor, formatLicenseId, siloRules, type Silo } from "@onceonly/shared";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { scanAll, type Run } from "../../../test/support/silo-scan.js";
import { ISSUER, ORG, PERSON, TYPE, idNumber } from "./fixtures.js";
import { executor } from "./support.js";

const AS_OF = "2024-06-30";

interface Row {
  zzbs: string; zzlxdm: string; zzbh: string | null; czzt: string | null; czztdm: string | null; czztdmlx: string | null;
  zzbfrq: string | null; zzyxqqsrq: string | null; zzyxqjzrq: string | null; zzzt: string | null;
}

let serial = 0;
/** A clean licence: valid identifier, holder, dates and status 有效 unless changed. */
function licence(type: string, number: string | null, change: Partial<Row> = {}): Row {
  const zzbs = formatLicenseId({ typeCode: type, issuerCode: ISSUER.leshanPsb.code, serial: `Q${String(++serial).padStart(6, "0")}`, version: "001" });
  return {
    zzbs, zzlxdm: type, zzbh: number, czzt: "王芳", czztdm: PERSON.wang, czztdmlx: "111",
    zzbfrq: "2020-01-01", zzyxqqsrq: "2020-01-01", zzyxqjzrq: "2030-01-01", zzzt: "有效", ...change,
  };
}
const org = { czzt: "乐山嘉州公司", czztdm: ORG.jiazhou, czztdmlx: "001" };

const CLEAN: Row[] = [
  licence(TYPE.drivingLicence, "N001"),
  licence(TYPE.businessLicence, "N002", { ...org, zzyxqjzrq: null }), // long-term
  // Same type and number as the first, but cancelled: only 有效 licences can clash.
  licence(TYPE.drivingLicence, "N001", { zzzt: "注销" }),
  // Same number, other type: no clash.
  licence(TYPE.realEstate, "N001"),
  // Expired but revoked: not "still 有效".
  licence(TYPE.drivingLicence, "N003", { zzyxqjzrq: "2021-01-01", zzzt: "吊销" }),
  // Boundaries: valid until the report day itself, issued on it, until = from = issue day.
  licence(TYPE.drivingLicence, "N004", { zzyxqjzrq: AS_OF }),
  licence(TYPE.drivingLicence, "N005", { zzbfrq: AS_OF, zzyxqqsrq: AS_OF, zzyxqjzrq: AS_OF }),
  // No start date and a valid holder ID of the report day's own birth.
  licence(TYPE.drivingLicence, "N006", { zzyxqqsrq: null, czztdm: idNumber("51110220240630001") }),
  // Numbers reused by licences that are not both 有效: no clash (and more pairs to page over).
  licence(TYPE.drivingLicence, "N009"),
  licence(TYPE.drivingLicence, "N009", { zzzt: "挂失" }),
  licence(TYPE.realEstate, "N010", { zzzt: "注销" }),
  licence(TYPE.realEstate, "N010", { zzzt: "注销" }),
  // "One number" is the number as stored: a padded copy is a different value.
  licence(TYPE.businessLicence, "D-8", org),
  licence(TYPE.businessLicence, " D-8", org),
  // A holder code of an unknown type: neither ID nor credit code rule applies.
  licence(TYPE.realEstate, "N007", { czztdmlx: "999", czztdm: "ABC" }),
];

const SPOILED: Record<string, Row[]> = {
  LIC_REQUIRED: [licence(TYPE.drivingLicence, "R001", { czzt: " " })],
  // "#" is not a MOD 37,36 check character at all.
  LIC_IDENTIFIER: [{ ...licence(TYPE.drivingLicence, "R002"), zzbs: `${formatLicenseId({ typeCode: TYPE.drivingLicence, issuerCode: ISSUER.leshanPsb.code, serial: "BAD1", version: "001" }).slice(0, -1)}#` }],
  LIC_HOLDER_ID: [licence(TYPE.drivingLicence, "R003", { czztdm: "511102199001011230" })],
  LIC_CREDIT_CODE: [licence(TYPE.businessLicence, "R004", { ...org, czztdm: ORG.pilot })],
  LIC_STATUS_CODE: [licence(TYPE.drivingLicence, "R005", { zzzt: "作废" })],
  LIC_DATES: [
    licence(TYPE.drivingLicence, "R006", { zzbfrq: "2024-01-01", zzyxqqsrq: "2026-01-01", zzyxqjzrq: "2025-12-31" }),
    licence(TYPE.drivingLicence, "R006B", { zzbfrq: "2024-06-02", zzyxqqsrq: null, zzyxqjzrq: "2024-06-01", zzzt: "注销" }), // until before issue
    licence(TYPE.drivingLicence, "R007", { zzbfrq: "2024-07-01", zzyxqqsrq: null, zzyxqjzrq: null }),
  ],
  LIC_DUPLICATE_NUMBER: [
    licence(TYPE.businessLicence, "D-7", org),
    licence(TYPE.businessLicence, "D-7", { ...org, zzyxqjzrq: null }),
    // Three 有效 licences, one number; a fourth, cancelled, is not listed.
    licence(TYPE.drivingLicence, "D-9"),
    licence(TYPE.drivingLicence, "D-9"),
    licence(TYPE.drivingLicence, "D-9", { zzyxqjzrq: null }),
  ],
  LIC_EXPIRED_VALID: [licence(TYPE.drivingLicence, "R008", { zzyxqjzrq: "2024-06-29" })],
};
CLEAN.push(licence(TYPE.drivingLicence, "D-9", { zzzt: "注销" }));
const ROWS = [...CLEAN, ...Object.values(SPOILED).flat()];
const valid = (r: Row) => r.zzzt?.trim() === "有效";
const EXPECTED_CHECKED: Record<string, number> = {
  LIC_REQUIRED: ROWS.length,
  LIC_IDENTIFIER: ROWS.length,
  LIC_HOLDER_ID: ROWS.filter((r) => r.czztdmlx === "111").length,
  LIC_CREDIT_CODE: ROWS.filter((r) => r.czztdmlx === "001").length,
  LIC_STATUS_CODE: ROWS.length,
  LIC_DATES: ROWS.length,
  LIC_DUPLICATE_NUMBER: ROWS.filter(valid).length,
  LIC_EXPIRED_VALID: ROWS.filter(valid).length,
};

async function load(silo: Silo): Promise<void> {
  const columns = ["zzbs", "zzlxdm", "zzbh", "czzt", "czztdm", "czztdmlx", "zzbfrq", "zzyxqqsrq", "zzyxqjzrq", "zzzt"] as const;
  for (const row of ROWS) {
    await silo.query(
      `INSERT INTO dzzz_zzxx (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`,
      columns.map((c) => row[c]),
    );
  }
}

describe.each(ENGINES)("licensesQualityScan on %s", (engine) => {
  let test: TestSilo;
  let run: Run;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await load(test.silo);
    run = executor(await buildLicensesSchema(), test.silo);
  });
  afterAll(() => test?.dispose());

  it("finds exactly the spoiled licences of every rule, over several pages and both phases", async () => {
    const scan = await scanAll(run, "licensesQualityScan", AS_OF, 3);
    expect(scan.pages.length).toBeGreaterThan(6);
    // The duplicates phase spans pages too: its cursors name a (type, number) pair.
    const duplicatePages = scan.pages.filter((p) => p.counts.find((c) => c.rule === "LIC_REQUIRED")!.checked === 0);
    expect(duplicatePages.length).toBeGreaterThan(1);
    const expectedKeys = Object.fromEntries(siloRules("licenses").map((r) => [r.id, (SPOILED[r.id] ?? []).map((row) => row.zzbs).sort()]));
    expect(Object.fromEntries(siloRules("licenses").map((r) => [r.id, scan.keys.get(r.id) ?? []]))).toEqual(expectedKeys);
    expect(Object.fromEntries([...scan.counts].map(([rule, c]) => [rule, c.checked]))).toEqual(EXPECTED_CHECKED);
    for (const [rule, c] of scan.counts) expect(c.failed, rule).toBe(expectedKeys[rule].length);
    for (const page of scan.pages) {
      expect(page.counts.map((c) => c.rule)).toEqual(siloRules("licenses").map((r) => r.id));
      expect(page.counts.find((c) => c.rule === "LIC_REQUIRED")!.checked).toBeLessThanOrEqual(3);
      for (const f of page.findings) expect(f.kind).toBe("LICENSE");
    }
  });

  it("gives the same totals in big pages, one per phase", async () => {
    const small = await scanAll(run, "licensesQualityScan", AS_OF, 3);
    const big = await scanAll(run, "licensesQualityScan", AS_OF);
    expect(big.pages).toHaveLength(2);
    expect(big.counts).toEqual(small.counts);
    expect(big.keys).toEqual(small.keys);
  });

  it("judges expiry and issue days against asOf", async () => {
    // A day later, the licence valid until 2024-06-30 is expired too; R007 (issued 07-01) is not early any more.
    const scan = await scanAll(run, "licensesQualityScan", "2024-07-01", 100);
    expect(scan.keys.get("LIC_EXPIRED_VALID")).toEqual([CLEAN[5].zzbs, CLEAN[6].zzbs, SPOILED.LIC_EXPIRED_VALID[0].zzbs].sort());
    expect(scan.keys.get("LIC_DATES")).toEqual([SPOILED.LIC_DATES[0].zzbs, SPOILED.LIC_DATES[1].zzbs].sort());
  });

  it("refuses bad arguments with BAD_USER_INPUT", async () => {
    const query = `query($asOf: LocalDate!, $after: String, $first: Int) { licensesQualityScan(asOf: $asOf, after: $after, first: $first) { hasNextPage } }`;
    const first = await run(query, { asOf: AS_OF, first: 50_001 });
    expect(first.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", rule: "range" });
    const registry = await run(query, { asOf: AS_OF, after: encodeScanCursor("registry", "persons", "R1", AS_OF) });
    expect(registry.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after", rule: "cursor" });
    const notAPair = await run(query, { asOf: AS_OF, after: encodeScanCursor("licenses", "duplicates", "N001", AS_OF) });
    expect(notAPair.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after", rule: "cursor" });
  });

  it("declares the field for stewards only (@requiresScopes quality:read)", async () => {
    const sdl = ((await run("{ _service { sdl } }")).data as { _service: { sdl: string } })._service.sdl;
    expect(sdl).toMatch(/licensesQualityScan\([\s\S]*?asOf: LocalDate![\s\S]*?after: String[\s\S]*?first: Int = 20000[\s\S]*?\): QualityScanPage! @requiresScopes\(scopes: \[\["quality:read"\]\]\)/);
  });
});
