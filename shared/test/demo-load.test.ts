// loadDemo fills the silos with COPY on both engines, and only the silos it is given.
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";
import { demoSiloHasData, describeDemo, loadDemo, BUNDLES, MATTERS, LICENSE_TYPES, resetDemoSilo, type DemoSiloName } from "@onceonly/shared";
import { ENGINES, openTestSilo, type TestSilo } from "../../test/support/silos.js";

const migrations = (name: DemoSiloName) => fileURLToPath(new URL(`../../subgraphs/${name}/migrations`, import.meta.url));
const count = async (t: TestSilo, table: string) => Number((await t.silo.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0].n);

describe.each(ENGINES)("loadDemo on %s", (engine) => {
  let open: TestSilo[] = [];
  afterEach(async () => {
    await Promise.all(open.map((t) => t.dispose()));
    open = [];
  });

  async function silos(names: DemoSiloName[]): Promise<Record<string, TestSilo>> {
    const entries = await Promise.all(names.map(async (n) => [n, await openTestSilo(engine, n, migrations(n))] as const));
    open.push(...entries.map(([, t]) => t));
    return Object.fromEntries(entries);
  }

  it("loads matching counts into all three silos, reporting progress", async () => {
    const s = await silos(["registry", "licenses", "cases"]);
    const progress: number[] = [];
    const result = await loadDemo(
      { registry: s.registry.silo, licenses: s.licenses.silo, cases: s.cases.silo },
      { persons: 1500, seed: 42, batchPersons: 400, onProgress: (done, total) => progress.push(done / total) },
    );
    expect(result.persons).toBe(1500);
    expect(await count(s.registry, "rk_jbxx")).toBe(1500);
    expect(await count(s.registry, "rk_hxx")).toBe(result.households);
    expect(await count(s.licenses, "dzzz_zzxx")).toBe(result.licenses);
    expect(await count(s.licenses, "dzzz_zzlx")).toBe(LICENSE_TYPES.length);
    expect(await count(s.cases, "sp_bj")).toBe(result.cases);
    expect(await count(s.cases, "sp_sxml")).toBe(MATTERS.length + BUNDLES.length);
    expect(result.organizations).toBeGreaterThan(0);
    expect(progress.at(-1)).toBe(1);
    expect(progress).toEqual([...progress].sort((a, b) => a - b));
    // Silos seeded together agree: every licence holder that is a person is in the registry.
    const ids = new Set((await s.registry.silo.query<{ gmsfhm: string }>("SELECT gmsfhm FROM rk_jbxx")).map((r) => r.gmsfhm));
    const holders = await s.licenses.silo.query<{ czztdm: string }>("SELECT DISTINCT czztdm FROM dzzz_zzxx WHERE czztdmlx = '111'");
    expect(holders.filter((h) => !ids.has(h.czztdm))).toEqual([]);
    // Dates and timestamps arrive as the engines' types.
    const [licence] = await s.licenses.silo.query<{ zzbfrq: string; gxsj: Date }>("SELECT zzbfrq, gxsj FROM dzzz_zzxx LIMIT 1");
    expect(licence.zzbfrq).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(licence.gxsj).toBeInstanceOf(Date);

    expect(await demoSiloHasData(s.cases.silo, "cases")).toBe(true);
    await resetDemoSilo(s.cases.silo, "cases");
    expect(await demoSiloHasData(s.cases.silo, "cases")).toBe(false);
  });

  it("loads only the silos it is given, showcase head first", async () => {
    const s = await silos(["registry"]);
    expect(await demoSiloHasData(s.registry.silo, "registry")).toBe(false);
    const result = await loadDemo({ registry: s.registry.silo }, { persons: 300, seed: 42 });
    expect(result.persons).toBe(300);
    const head = await s.registry.silo.query<{ yhzgx: string }>("SELECT yhzgx FROM rk_jbxx WHERE gmsfhm = $1", [describeDemo(42).showcasePerson]);
    expect(head).toEqual([{ yhzgx: "02" }]);
  });
});
