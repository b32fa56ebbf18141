// The demo generator is deterministic, prefix-stable and streams in bounded batches.
import { describe, expect, it } from "vitest";
import { BUNDLES, describeDemo, generateDemo, MATTERS, validateDemoOptions } from "@onceonly/shared";
import { collectRecords, collectRows } from "./demo-support.js";

describe("generateDemo", () => {
  it("gives byte-identical rows for the same persons and seed", () => {
    expect(JSON.stringify(collectRows(300, 42))).toBe(JSON.stringify(collectRows(300, 42)));
  });

  it("gives different people for a different seed", () => {
    const a = collectRows(100, 42).rk_jbxx.map((r) => r[1]);
    const b = collectRows(100, 43).rk_jbxx.map((r) => r[1]);
    expect(a).not.toEqual(b);
  });

  it("keeps the first persons identical whatever the total", () => {
    const small = collectRows(50, 42);
    const large = collectRows(200, 42);
    expect(small.rk_jbxx).toHaveLength(50);
    expect(large.rk_jbxx.slice(0, 50)).toEqual(small.rk_jbxx);
    expect(large.rk_hxx.slice(0, small.rk_hxx.length - 1)).toEqual(small.rk_hxx.slice(0, -1));
    // Licences of persons in the first 50 are the same too (the cut household included).
    const ids = new Set(small.rk_jbxx.map((r) => r[1]));
    const personal = (rows: typeof small.dzzz_zzxx) => rows.filter((r) => ids.has(r[5] as string));
    expect(personal(large.dzzz_zzxx)).toEqual(personal(small.dzzz_zzxx));
  });

  it("is independent of the batch size and keeps batches bounded", () => {
    expect(collectRows(400, 9, 37)).toEqual(collectRows(400, 9));
    let batches = 0;
    for (const batch of generateDemo({ persons: 1000, seed: 1, batchPersons: 100 })) {
      if (batch.personsDone === 0) continue;
      batches++;
      expect(batch.rows.rk_jbxx.length).toBeLessThan(100 + 12); // a batch ends with a whole household
      expect(batch.counts.persons).toBe(batch.rows.rk_jbxx.length);
    }
    expect(batches).toBeGreaterThanOrEqual(9);
  });

  it("yields the reference data first", () => {
    const first = generateDemo({ persons: 10, seed: 1 }).next().value!;
    expect(first.personsDone).toBe(0);
    expect(first.rows.dzzz_zzlx.length).toBeGreaterThanOrEqual(8);
    expect(first.rows.sp_sxml).toHaveLength(MATTERS.length + BUNDLES.length);
    expect(first.rows.rk_jbxx).toHaveLength(0);
  });

  it("refuses bad options, naming the value and the rule", () => {
    expect(() => validateDemoOptions({ persons: 0, seed: 1 })).toThrow(/persons = 0: must be a whole number from 1/);
    expect(() => validateDemoOptions({ persons: 1.5, seed: 1 })).toThrow(/persons = 1.5/);
    expect(() => validateDemoOptions({ persons: 10, seed: -1 })).toThrow(/seed = -1: must be a whole number from 0 to 4294967295/);
  });
});

describe("describeDemo", () => {
  const showcase = describeDemo(42);
  const data = collectRecords(60, 42);

  it("points at the first household's head, its company and a catalogued matter", () => {
    expect(data.rk_jbxx[0].gmsfhm).toBe(showcase.showcasePerson);
    expect(data.rk_jbxx[0].yhzgx).toBe("02");
    expect(data.dzzz_zzxx.some((l) => l.czztdm === showcase.showcaseOrganization && l.zzmc === "营业执照")).toBe(true);
    expect(data.sp_sxml.some((m) => m.sxbm === showcase.showcaseMatter)).toBe(true);
  });

  it("is a family with spouse and children, several licences (one expired or revoked) and cases", () => {
    const family = data.rk_jbxx.filter((p) => p.hh === data.rk_jbxx[0].hh);
    const relations = family.map((p) => p.yhzgx);
    expect(relations.some((r) => ["10", "11", "12"].includes(r as string))).toBe(true);
    expect(relations.filter((r) => r === "20" || r === "30").length).toBeGreaterThanOrEqual(1);
    const licences = data.dzzz_zzxx.filter((l) => l.czztdm === showcase.showcasePerson);
    expect(licences.length).toBeGreaterThanOrEqual(3);
    const expiredOrRevoked = licences.some((l) => l.zzzt === "吊销" || (l.zzyxqjzrq !== null && (l.zzyxqjzrq as string) < "2026-11-20"));
    expect(expiredOrRevoked).toBe(true);
    expect(data.sp_bj.filter((c) => c.sqrzjhm === showcase.showcasePerson).length).toBeGreaterThanOrEqual(2);
  });

  it("does not depend on the dataset size and differs by seed", () => {
    expect(describeDemo(42)).toEqual(showcase);
    expect(describeDemo(43).showcasePerson).not.toBe(showcase.showcasePerson);
  });
});
