// sharingStats over fixture cases whose figures are counted by hand below, on both
// engines: the period's China-day bounds, the bundle counted once, groups by matter,
// window and department, null rates over nothing, and the argument checks.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { WANG, type Fixtures, type FixtureRow } from "./fixtures.js";
import { dataOf, openHarness, type Harness } from "./harness.js";
import { BUNDLE, READINESS_FIXTURES } from "./readiness-fixtures.js";

const W1 = "综合窗口1";
const W2 = "综合窗口2";

// tjfs: 1 SHARED_DATA, 2 E_LICENSE, 3 COMMITMENT, 4 DEFERRED, 5 PAPER, 6 UPLOAD.
const c = (bjbh: string, sxbm: string, slck: string | null, slsj: string, zhbjbh: string | null = null): FixtureRow => ({
  bjbh, sxbm, sqrzjhm: WANG, sqrxm: "王秀英", sqrlx: "1", slsj, slck, zt: "01", zhbjbh,
});
const m = (bjbh: string, clbm: string, tjfs: string): FixtureRow => ({ bjbh, clbm, tjfs, zzbs: null });

const STATS: Fixtures = {
  sp_sxml: [],
  sp_sxcl: [],
  sp_bj: [
    c("S1", "HYDJ-001", W1, "2026-03-01T00:00:00+08:00"), // the first instant of the period
    c("S2", "HYDJ-001", W2, "2026-03-15T10:00:00+08:00"),
    c("S3", "BDCDJ-001", W1, "2026-03-31T23:59:59+08:00"), // the last second of the period
    c("S4", "QYKB-001", null, "2026-03-20T09:00:00+08:00"),
    c("S5", "GONE-002", W1, "2026-03-05T09:00:00+08:00"), // a matter the catalogue lacks
    c("B1", BUNDLE, W2, "2026-03-10T09:00:00+08:00"),
    c("B1-M1", "HYDJ-001", W2, "2026-03-10T09:00:00+08:00", "B1"), // a member case: counted as part of B1
    c("O1", "HYDJ-001", W1, "2026-02-28T23:59:59+08:00"), // before
    c("O2", "HYDJ-001", W1, "2026-04-01T00:00:00+08:00"), // after
  ],
  sp_bjcl: [
    m("S1", "HY-CL01", "2"), m("S1", "HY-CL02", "1"), m("S1", "HY-CL03", "5"),
    m("S2", "HY-CL01", "5"), m("S2", "HY-CL02", "6"), m("S2", "HY-CL03", "3"),
    m("S3", "BDC-CL01", "2"), m("S3", "BDC-CL02", "4"), m("S3", "BDC-CL03", "6"),
    m("S4", "QYKB-CL02", "2"), m("S4", "QYKB-CL03", "5"),
    m("S5", "X-CL01", "5"),
    m("B1", "YJS-CL01", "2"), m("B1", "YJS-CL02", "1"),
    m("B1-M1", "HY-CL01", "2"), m("B1-M1", "HY-CL02", "1"),
    m("O1", "HY-CL01", "2"), m("O2", "HY-CL01", "2"),
  ],
  sp_bjgc: [],
};

// sp_bjbd (bjbh, zdbm, sfyt): S1 4 fields of which 3 prefilled, S2 2 typed, S4 1 prefilled, O1 1 (outside).
const FORM: [string, string, boolean][] = [
  ["S1", "ID_NUMBER", true], ["S1", "NAME", true], ["S1", "SEX", true], ["S1", "ADDRESS", false],
  ["S2", "NAME", false], ["S2", "ADDRESS", false],
  ["S4", "ORGANIZATION_NAME", true],
  ["O1", "NAME", true],
];

const FIGURES = `cases materials sharedMaterials handedOverMaterials commitmentMaterials deferredMaterials exemptionRate
  formFields prefilledFields typedFields prefillRate licenseMaterials eLicenseMaterials eLicenseUsageRate`;
const QUERY = `query($from: LocalDate!, $to: LocalDate!, $by: SharingGroupBy!) { sharingStats(from: $from, to: $to, groupBy: $by) {
  from to groupBy total { ${FIGURES} } groups { key label ${FIGURES} } } }`;

// [cases, materials, shared, handed, commitment, deferred, form, prefilled, licence materials, e-licence]
type Counts = [number, number, number, number, number, number, number, number, number, number];
function figures([cases, materials, shared, handed, commitment, deferred, form, prefilled, licensed, eLicensed]: Counts) {
  const rate = (a: number, b: number) => (b === 0 ? null : a / b);
  return {
    cases, materials, sharedMaterials: shared, handedOverMaterials: handed, commitmentMaterials: commitment, deferredMaterials: deferred,
    exemptionRate: rate(shared, materials), formFields: form, prefilledFields: prefilled, typedFields: form - prefilled,
    prefillRate: rate(prefilled, form), licenseMaterials: licensed, eLicenseMaterials: eLicensed, eLicenseUsageRate: rate(eLicensed, licensed),
  };
}

// Counted by hand from the rows above (B1-M1, O1, O2 excluded).
const TOTAL: Counts = [6, 14, 6, 6, 1, 1, 7, 4, 9, 4];

describe.each(ENGINES)("sharingStats on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine, [READINESS_FIXTURES, STATS]);
    for (const [bjbh, zdbm, sfyt] of FORM) {
      await h.silo.query("INSERT INTO sp_bjbd (bjbh, zdbm, zdz, sfyt) VALUES ($1, $2, $3, $4)", [bjbh, zdbm, "值", sfyt]);
    }
  });
  afterAll(() => h?.dispose());

  const stats = async (from: string, to: string, by: string) => dataOf(await h.run(QUERY, { from, to, by })).sharingStats;

  test("by window: one statement, China-day bounds, the bundle once, no window last", async () => {
    const { result, statements } = await countStatements([h.silo], () => h.run(QUERY, { from: "2026-03-01", to: "2026-03-31", by: "WINDOW" }));
    expect(statements).toHaveLength(1);
    const s = dataOf(result).sharingStats;
    expect(s).toMatchObject({ from: "2026-03-01", to: "2026-03-31", groupBy: "WINDOW" });
    expect(s.total).toEqual(figures(TOTAL));
    expect(s.total.exemptionRate).toBeCloseTo(6 / 14);
    expect(s.groups).toEqual([
      { key: W1, label: W1, ...figures([3, 7, 3, 3, 0, 1, 4, 3, 4, 2]) }, // S1 S3 S5
      { key: W2, label: W2, ...figures([2, 5, 2, 2, 1, 0, 2, 0, 4, 1]) }, // S2 B1
      { key: null, label: "未记录受理窗口", ...figures([1, 2, 1, 1, 0, 0, 1, 1, 1, 1]) }, // S4
    ]);
  });

  test("by matter: labels are matter names; a matter missing from the catalogue says so", async () => {
    const s = await stats("2026-03-01", "2026-03-31", "MATTER");
    expect(s.total).toEqual(figures(TOTAL));
    expect(s.groups.map((g: { key: string; label: string }) => [g.key, g.label])).toEqual([
      ["BDCDJ-001", "不动产登记"],
      ["GONE-002", "GONE-002（事项目录中无此事项）"],
      ["HYDJ-001", "婚姻登记"],
      ["QYKB-001", "企业开办"],
      [BUNDLE, "出生一件事"],
    ]);
    expect(s.groups[2]).toMatchObject(figures([2, 6, 2, 3, 1, 0, 6, 3, 4, 1])); // S1 S2
    expect(s.groups[1]).toMatchObject(figures([1, 1, 0, 1, 0, 0, 0, 0, 0, 0])); // S5: rates over nothing are null
    expect(s.groups[1]).toMatchObject({ prefillRate: null, eLicenseUsageRate: null, exemptionRate: 0 });
  });

  test("by department: the matter's 实施部门", async () => {
    const s = await stats("2026-03-01", "2026-03-31", "DEPARTMENT");
    const byKey = Object.fromEntries(s.groups.map((g: { key: string | null; cases: number; label: string }) => [g.key ?? "-", [g.label, g.cases]]));
    expect(byKey).toEqual({
      民政局: ["民政局", 2],
      自然资源和规划局: ["自然资源和规划局", 1],
      市场监督管理局: ["市场监督管理局", 1],
      卫生健康委员会: ["卫生健康委员会", 1],
      "-": ["未记录实施部门", 1],
    });
    expect(s.groups.at(-1).key).toBeNull();
  });

  test("a period with no cases: zeros, null rates, no groups", async () => {
    const s = await stats("2030-01-01", "2030-12-31", "MATTER");
    expect(s.total).toEqual(figures([0, 0, 0, 0, 0, 0, 0, 0, 0, 0]));
    expect(s.groups).toEqual([]);
  });

  test("one day: the boundary instants belong to their own China day", async () => {
    expect((await stats("2026-03-01", "2026-03-01", "WINDOW")).total.cases).toBe(1); // S1
    expect((await stats("2026-03-31", "2026-03-31", "WINDOW")).total.cases).toBe(1); // S3
    expect((await stats("2026-02-28", "2026-02-28", "WINDOW")).total.cases).toBe(1); // O1
  });

  test("a backwards or over-long period is refused before any SQL, naming the values", async () => {
    const { result: backwards, statements } = await countStatements([h.silo], () => h.run(QUERY, { from: "2026-03-02", to: "2026-03-01", by: "MATTER" }));
    expect(statements).toHaveLength(0);
    expect(backwards.errors?.[0]?.message).toBe("from: 2026-03-02 is after to: 2026-03-01; the period must not run backwards");
    expect(backwards.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "order", value: { from: "2026-03-02", to: "2026-03-01" } });

    const long = await h.run(QUERY, { from: "2025-01-01", to: "2026-01-02", by: "MATTER" });
    expect(long.errors?.[0]?.message).toBe("from 2025-01-01 to 2026-01-02 spans 367 days; at most 366 are allowed");
    expect(long.errors?.[0]?.extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "span" });
    expect((await h.run(QUERY, { from: "2025-01-01", to: "2026-01-01", by: "MATTER" })).errors).toBeUndefined(); // 366 days
  });
});
