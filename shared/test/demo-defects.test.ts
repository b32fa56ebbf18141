// The quality report's ground truth: a clean demo has no finding for any rule at
// DEFECT_AS_OF, and a spoiled one has exactly its manifest — checked against a naive
// implementation of every rule (quality-oracle.ts), against the clean data (the spoils
// change what they say and nothing else), and with plain SQL in the silos.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  DEFECT_AS_OF, DefectInjector, DefectManifestWriter, describeDemo, generateDemo, loadDemoWithDefects, QUALITY_RULES, validateCreditCode,
  type Defect, type DefectManifest, type DemoSiloName,
} from "@onceonly/shared";
import { ENGINES, openTestSilo, type TestSilo } from "../../test/support/silos.js";
import { collectRecords, collectRows } from "./demo-support.js";
import { explainDifferences, generateSpoiled, type Spoiled } from "./demo-defects-support.js";
import { runOracle, summarize, type Tables } from "./quality-oracle.js";

/** Rule → the keys the manifest lists for it. */
function listed(defects: readonly Defect[]): Map<string, Set<string>> {
  const out = new Map(QUALITY_RULES.map((r) => [r.id, new Set<string>()]));
  for (const d of defects) out.get(d.rule)!.add(d.key);
  return out;
}

/** Per rule, what the oracle finds that the manifest lacks and the other way round (empty when they agree). */
function disagreements(found: Map<string, Set<string>>, defects: readonly Defect[]): Record<string, { unlisted: string[]; notFound: string[] }> {
  const expected = listed(defects);
  const out: Record<string, { unlisted: string[]; notFound: string[] }> = {};
  for (const r of QUALITY_RULES) {
    const f = found.get(r.id)!;
    const e = expected.get(r.id)!;
    const unlisted = [...f].filter((k) => !e.has(k));
    const notFound = [...e].filter((k) => !f.has(k));
    if (unlisted.length || notFound.length) out[r.id] = { unlisted: unlisted.slice(0, 5), notFound: notFound.slice(0, 5) };
  }
  return out;
}

describe("a clean demo", () => {
  it.each([[2000, 42], [20_000, 7]])("of %i persons (seed %i) fails no rule at DEFECT_AS_OF", (persons, seed) => {
    expect(DEFECT_AS_OF).toBe("2026-11-20");
    expect(summarize(runOracle(collectRecords(persons, seed) as Tables, DEFECT_AS_OF))).toEqual({});
  });

  it("keeps one 有效 licence that runs out on DEFECT_AS_OF: valid that day, EXPIRED to a verification on any later one", () => {
    const { showcasePerson } = describeDemo(42);
    const driving = collectRecords(60, 42).dzzz_zzxx.filter((l) => l.czztdm === showcasePerson && l.zzmc === "机动车驾驶证");
    expect(driving.map((l) => [l.zzzt, l.zzyxqjzrq])).toEqual([["有效", DEFECT_AS_OF], ["注销", "2016-11-20"]]);
  });

  it("is what a zero rate leaves: the injector changes nothing then", () => {
    const injector = new DefectInjector({ persons: 300, seed: 42, rate: 0 });
    const rows = collectRows(300, 42);
    for (const batch of generateDemo({ persons: 300, seed: 42 })) expect(injector.apply(batch)).toEqual([]);
    expect(collectRows(300, 42)).toEqual(rows);
  });
});

describe("the defect injector", () => {
  let clean: ReturnType<typeof collectRecords>;
  let spoiled: Spoiled;
  beforeAll(() => {
    clean = collectRecords(2000, 42);
    spoiled = generateSpoiled(2000, 42, 0.05, 500);
  });

  it("lists, for every rule, exactly the records the rule finds", () => {
    expect(disagreements(runOracle(spoiled.records as Tables, DEFECT_AS_OF), spoiled.defects)).toEqual({});
    const own = listed(spoiled.defects.filter((d) => !d.cause));
    for (const r of QUALITY_RULES) expect(own.get(r.id)!.size, r.id).toBeGreaterThan(0);
  });

  it("spoils what the manifest says, as it says, and nothing else", () => {
    expect(explainDifferences(clean, spoiled)).toEqual([]);
  });

  it("stays exact over many batches: no two spoils collide (20,000 persons at 2 %)", () => {
    const many = generateSpoiled(20_000, 7, 0.02);
    expect(disagreements(runOracle(many.records as Tables, DEFECT_AS_OF), many.defects)).toEqual({});
    expect(explainDifferences(collectRecords(20_000, 7), many)).toEqual([]);
  });

  it("spoils about rate × each rule's population, at least one record", () => {
    for (const t of spoiled.rules) {
      expect(t.target, t.rule).toBe(Math.max(1, Math.round(0.05 * t.population)));
      // Pairs (a shared number) and a death (all the person's licences) may overshoot a little.
      expect(t.spoiled, t.rule).toBeGreaterThanOrEqual(t.target);
      expect(t.spoiled, t.rule).toBeLessThanOrEqual(t.target + 6);
    }
    const tiny = generateSpoiled(300, 42, 0.001);
    for (const t of tiny.rules) expect(t.spoiled, t.rule).toBeGreaterThanOrEqual(1);
    expect(disagreements(runOracle(tiny.records as Tables, DEFECT_AS_OF), tiny.defects)).toEqual({});
  });

  it("lists the fallout of a spoiled registry ID number under the rules it trips, with the cause", () => {
    const caused = spoiled.defects.filter((d) => d.cause);
    expect(caused.length).toBeGreaterThan(0);
    for (const d of caused) {
      expect(d.cause!.rule).toBe("REG_ID_NUMBER");
      expect(["X_HOLDER_UNREGISTERED", "X_APPLICANT_UNREGISTERED"]).toContain(d.rule);
      expect(spoiled.defects).toContainEqual(expect.objectContaining({ rule: "REG_ID_NUMBER", key: d.cause!.key }));
    }
  });

  it("mints pilot-era credit codes: well formed, only the check character wrong", () => {
    const keys = listed(spoiled.defects).get("LIC_CREDIT_CODE")!;
    const codes = spoiled.records.dzzz_zzxx.filter((l) => keys.has(l.zzbs as string)).map((l) => validateCreditCode(l.czztdm as string));
    expect(codes.length).toBeGreaterThan(0);
    for (const c of codes) expect(c).toMatchObject({ ok: true, checkDigitValid: false });
  });

  it("is deterministic per (persons, seed, rate, batch size) and differs by seed", () => {
    const again = generateSpoiled(2000, 42, 0.05, 500);
    expect(again.defects).toEqual(spoiled.defects);
    expect(again.rows).toEqual(spoiled.rows);
    const other = generateSpoiled(2000, 43, 0.05, 500);
    expect(other.defects.map((d) => d.key)).not.toEqual(spoiled.defects.map((d) => d.key));
  });

  it("streams the manifest to a file that parses as the same manifest", async () => {
    const path = join(mkdtempSync(join(tmpdir(), "defects-")), "defects.json");
    const header = { seed: 42, persons: 2000, rate: 0.05, asOf: DEFECT_AS_OF, batchPersons: 500 };
    const writer = await DefectManifestWriter.open(path, header);
    for (let i = 0; i < spoiled.defects.length; i += 1000) await writer.add(spoiled.defects.slice(i, i + 1000));
    await writer.close(spoiled.rules);
    expect(JSON.parse(readFileSync(path, "utf8"))).toEqual({ ...header, defects: spoiled.defects, rules: spoiled.rules });
  });

  it("refuses a rate outside 0 … 0.1, naming it", () => {
    expect(() => new DefectInjector({ persons: 10, seed: 1, rate: 0.5 })).toThrow(/defect rate = 0.5: must be a number from 0 to 0.1/);
    expect(() => new DefectInjector({ persons: 10, seed: 1, rate: Number.NaN })).toThrow(/defect rate = NaN/);
  });
});

const migrations = (name: DemoSiloName) => fileURLToPath(new URL(`../../subgraphs/${name}/migrations`, import.meta.url));
const TABLES: Record<DemoSiloName, string[]> = {
  registry: ["rk_jbxx", "rk_hxx"],
  licenses: ["dzzz_zzxx"],
  cases: ["sp_bj", "sp_bjcl", "sp_sxcl"],
};

describe.each(ENGINES)("a spoiled seed in %s silos", (engine) => {
  const silos = {} as Record<DemoSiloName, TestSilo>;
  let manifest: DefectManifest;
  let tables: Tables;
  const keys = async (silo: DemoSiloName, sql: string) => new Set((await silos[silo].silo.query<{ k: string }>(sql, [DEFECT_AS_OF])).map((r) => r.k));

  beforeAll(async () => {
    for (const name of ["registry", "licenses", "cases"] as const) silos[name] = await openTestSilo(engine, name, migrations(name));
    ({ manifest } = await loadDemoWithDefects({ registry: silos.registry.silo, licenses: silos.licenses.silo, cases: silos.cases.silo }, { persons: 300, seed: 42, rate: 0.05 }));
    tables = {};
    for (const [name, list] of Object.entries(TABLES)) {
      for (const t of list) tables[t] = await silos[name as DemoSiloName].silo.query(`SELECT * FROM ${t}`);
    }
  });
  afterAll(() => Promise.all(Object.values(silos).map((s) => s.dispose())));

  it("holds exactly the manifest's records, rule by rule, read back from the silos", () => {
    expect(manifest).toMatchObject({ seed: 42, persons: 300, rate: 0.05, asOf: DEFECT_AS_OF, batchPersons: 2000 });
    expect(manifest.defects).toEqual(generateSpoiled(300, 42, 0.05).defects);
    expect(disagreements(runOracle(tables, DEFECT_AS_OF), manifest.defects)).toEqual({});
  });

  it("agrees with plain SQL for the rules a query states in a line", async () => {
    const expected = listed(manifest.defects);
    const sql: [string, DemoSiloName, string][] = [
      ["REG_DUPLICATE_PERSON", "registry", "SELECT rkbh AS k FROM rk_jbxx WHERE zxrq IS NULL AND gmsfhm IN (SELECT gmsfhm FROM rk_jbxx WHERE zxrq IS NULL GROUP BY gmsfhm HAVING count(*) > 1) AND $1::text IS NOT NULL"],
      ["REG_HOUSEHOLD_HEAD", "registry", "SELECT hh AS k FROM rk_jbxx WHERE zxrq IS NULL AND hh IS NOT NULL AND $1::text IS NOT NULL GROUP BY hh HAVING bool_and(yhzgx IS DISTINCT FROM '02')"],
      ["LIC_STATUS_CODE", "licenses", "SELECT zzbs AS k FROM dzzz_zzxx WHERE zzzt NOT IN ('有效', '注销', '吊销', '挂失') AND $1::text IS NOT NULL"],
      ["LIC_EXPIRED_VALID", "licenses", "SELECT zzbs AS k FROM dzzz_zzxx WHERE zzzt = '有效' AND zzyxqjzrq < $1::date"],
      ["LIC_DUPLICATE_NUMBER", "licenses", "SELECT zzbs AS k FROM dzzz_zzxx x WHERE zzzt = '有效' AND zzbh IS NOT NULL AND $1::text IS NOT NULL AND (SELECT count(*) FROM dzzz_zzxx y WHERE y.zzzt = '有效' AND y.zzlxdm = x.zzlxdm AND y.zzbh = x.zzbh) > 1"],
      ["CASE_COMPLETED_NO_TIME", "cases", "SELECT bjbh AS k FROM sp_bj WHERE zt = '04' AND bjsj IS NULL AND $1::text IS NOT NULL"],
      ["CASE_OVERDUE", "cases", "SELECT bjbh AS k FROM sp_bj WHERE zt IN ('01', '02', '03', '06') AND cnbjsj < ($1::date)::timestamp AT TIME ZONE 'Asia/Shanghai'"],
      ["CASE_STATUS_CODE", "cases", "SELECT bjbh AS k FROM sp_bj WHERE zt NOT IN ('01', '02', '03', '04', '05', '06', '07') AND $1::text IS NOT NULL"],
    ];
    for (const [rule, silo, query] of sql) expect(await keys(silo, query), rule).toEqual(expected.get(rule));
  });
});
