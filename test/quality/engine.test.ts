// The quality engine end to end: three seeded silos, the three subgraphs and the gateway,
// runQuality as the demo data steward through the gateway only. The cross-silo rules are
// checked against an oracle that reads the silos directly (a second implementation of
// their definitions in shared/src/quality/rules.ts), after problems of each kind were
// planted with SQL; the stewards' GraphQL query then returns the saved report.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_REFERENCE_DATE, DEMO_WINDOWS, formatChinaDay, openReportHistory, QUALITY_RULES, validateIdNumber, type Finding } from "@onceonly/shared";
import { runQuality, type QualityProgress, type QualityRun } from "../../scripts/src/quality/engine/index.js";
import { buildReport } from "../../scripts/src/quality/report/index.js";
import { startStack, type Stack } from "../support/stack.js";

const AS_OF = DEMO_REFERENCE_DATE;
const FEDERATED = QUALITY_RULES.filter((r) => r.scope === "FEDERATED").map((r) => r.id);
const steward = DEMO_WINDOWS.find((w) => w.window === "LS-SJ-01")!;

let stack: Stack;
let reportsDir: string;
let run: QualityRun;
const findings: Finding[] = [];
const progress: QualityProgress[] = [];
const planted: Record<string, string[]> = {};

beforeAll(async () => {
  reportsDir = await mkdtemp(join(tmpdir(), "onceonly-quality-"));
  stack = await startStack("pglite", { persons: 300, seed: 11 }, { qualityReportsDir: reportsDir });
  await plant(stack);
  run = await runQuality({
    gatewayUrl: stack.gatewayUrl,
    token: await stack.tokenFor(steward),
    asOf: AS_OF,
    // Small pages: the run must page (cursors, several pages per stream) even on 300 persons.
    scanPageSize: 97,
    federatedPageSize: 89,
    // Two partitions of each big cross-silo walk, side by side with the other streams.
    partitions: 2,
    concurrency: 3,
    sampleSize: 3,
    onFinding: (f) => findings.push(f),
    onProgress: (p) => progress.push(p),
  });
}, 240_000);

afterAll(async () => {
  await stack?.close();
  if (reportsDir) await rm(reportsDir, { recursive: true, force: true });
});

describe("runQuality through the gateway", () => {
  it("counts every rule of the catalogue, in its order, and reads every department", () => {
    expect(run.asOf).toBe(AS_OF);
    expect(run.counts.map((c) => c.rule)).toEqual(QUALITY_RULES.map((r) => r.id));
    for (const count of run.counts) {
      expect(count.failed, count.rule).toBeLessThanOrEqual(count.checked);
      expect(findings.filter((f) => f.rule === count.rule), count.rule).toHaveLength(count.failed);
    }
    // Every rule with something to check in the demo data checked something.
    for (const rule of ["REG_REQUIRED", "LIC_REQUIRED", "CASE_REQUIRED", ...FEDERATED]) {
      expect(run.counts.find((c) => c.rule === rule)!.checked, rule).toBeGreaterThan(0);
    }
    expect(run.records.registry).toBeGreaterThan(300);
    expect(run.records.licenses).toBeGreaterThan(0);
    expect(run.records.cases).toBeGreaterThan(0);
    expect(Date.parse(run.finishedAt)).toBeGreaterThanOrEqual(Date.parse(run.startedAt));
  });

  it("finds exactly what the oracle finds for every cross-silo rule, the planted problems among them", async () => {
    const expected = await oracle(stack);
    for (const rule of FEDERATED) {
      const found = findings.filter((f) => f.rule === rule).map((f) => f.key).sort();
      expect(found, rule).toEqual([...expected[rule].failed].sort());
      expect(run.counts.find((c) => c.rule === rule)!.checked, rule).toBe(expected[rule].checked);
      for (const key of planted[rule] ?? []) expect(found, `${rule} planted ${key}`).toContain(key);
      expect(planted[rule]?.length ?? 0, `${rule} has a planted problem`).toBeGreaterThan(0);
    }
  });

  it("keeps at most sampleSize keys per rule, each one a finding", () => {
    for (const rule of QUALITY_RULES) {
      const samples = run.samples[rule.id] ?? [];
      expect(samples.length, rule.id).toBeLessThanOrEqual(3);
      for (const key of samples) expect(findings.some((f) => f.rule === rule.id && f.key === key), `${rule.id} ${key}`).toBe(true);
    }
  });

  it("reports progress per phase: the scans, then the cross-silo checks", () => {
    const phases = [...new Set(progress.map((p) => p.phase))].sort();
    expect(phases).toEqual(["registry", "licenses", "cases", "licences × registry", "cases × registry", "materials × licences"].sort());
    const last = (phase: string) => progress.filter((p) => p.phase === phase).at(-1)!;
    expect(last("licences × registry").records).toBe(run.counts.find((c) => c.rule === "X_HOLDER_UNREGISTERED")!.checked);
    expect(last("licences × registry").total).toBeGreaterThanOrEqual(last("licences × registry").records);
    expect(last("materials × licences").total).toBe(run.counts.find((c) => c.rule === "X_ELICENSE_NOT_USED")!.checked);
  });

  it("counts the same with the default page sizes, fitted to the gateway's cost limit (MAX_COST)", async () => {
    const pageSizes: number[] = [];
    const again = await runQuality({ gatewayUrl: stack.gatewayUrl, token: await stack.tokenFor(steward), asOf: AS_OF, onStream: (s) => pageSizes.push(s.pageSize) });
    expect(again.counts).toEqual(run.counts);
    expect(again.records).toEqual(run.records);
    // The scans' default (20,000) costs more than the gateway's default MAX_COST allows.
    expect(Math.min(...pageSizes)).toBeLessThan(20_000);
  });

  it("is audited: the steward's reads of holders' names are in the audit log under DATA-QUALITY", async () => {
    const rows = await stack.audit.query<{ n: string }>("SELECT count(*) AS n FROM audit_log WHERE purpose = 'DATA-QUALITY' AND window_id = $1", [steward.window]);
    expect(Number(rows[0].n)).toBeGreaterThan(0);
  });
});

describe("the stewards' query", () => {
  it("returns the saved report, latest by default and by id, and lists the history", async () => {
    const history = openReportHistory(reportsDir);
    const report = buildReport(run, await history.latest());
    await history.save(report);
    const token = await stack.tokenFor(steward);
    const headers = { authorization: `Bearer ${token}` };
    const latest = await stack.graphql<{ qualityReport: { id: string; asOf: string; rules: { id: string; checked: number; failed: number; samples: string[] }[]; departments: { department: string; score: number | null }[] } }>(
      "{ qualityReport { id asOf rules { id checked failed samples } departments { department score } } }",
      {},
      headers,
    );
    expect(latest.errors).toBeUndefined();
    expect(latest.data!.qualityReport.id).toBe(report.id);
    expect(latest.data!.qualityReport.asOf).toBe(AS_OF);
    expect(latest.data!.qualityReport.rules.map((r) => [r.id, r.checked, r.failed])).toEqual(run.counts.map((c) => [c.rule, c.checked, c.failed]));
    expect(latest.data!.qualityReport.departments.map((d) => d.department)).toEqual(["REGISTRY", "LICENSES", "CASES"]);

    const byId = await stack.graphql<{ qualityReport: { id: string } | null; qualityReports: { id: string; overall: number | null }[] }>(
      "query($id: ID) { qualityReport(id: $id) { id } qualityReports(last: 5) { id overall } }",
      { id: report.id },
      headers,
    );
    expect(byId.errors).toBeUndefined();
    expect(byId.data!.qualityReport!.id).toBe(report.id);
    expect(byId.data!.qualityReports).toEqual([{ id: report.id, overall: report.overall.score }]);
  });

  it("is refused without quality:read", async () => {
    const clerk = DEMO_WINDOWS.find((w) => w.window === "LS-W01")!;
    const answer = await stack.graphql("{ qualityReports { id } }", {}, { authorization: `Bearer ${await stack.tokenFor(clerk)}` });
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: "FORBIDDEN", reason: "MISSING_SCOPE" });
  });
});

// ── Planted problems (SQL on the silos, before the run) ──

async function plant(s: Stack): Promise<void> {
  const { registry, licenses, cases } = s.silos;
  // A living, registered holder of valid licences: one licence's holder name changed
  // (X_HOLDER_NAME), and — another holder — marked deceased (X_DECEASED_VALID).
  const holders = await licenses.query<{ czztdm: string; zzbs: string }>(
    `SELECT czztdm, min(zzbs) AS zzbs FROM dzzz_zzxx WHERE czztdmlx = '111' AND zzzt = '有效' GROUP BY czztdm ORDER BY czztdm LIMIT 40`,
  );
  const living = new Set(
    (await registry.query<{ gmsfhm: string }>("SELECT gmsfhm FROM rk_jbxx WHERE swbs = '0' AND zxrq IS NULL AND gmsfhm = ANY($1)", [holders.map((h) => h.czztdm)])).map((r) => r.gmsfhm),
  );
  const [renamed, deceased, ...rest] = holders.filter((h) => living.has(h.czztdm));
  await licenses.query("UPDATE dzzz_zzxx SET czzt = czzt || '某' WHERE zzbs = $1", [renamed.zzbs]);
  planted.X_HOLDER_NAME = [renamed.zzbs];
  await registry.query("UPDATE rk_jbxx SET swbs = '1' WHERE gmsfhm = $1", [deceased.czztdm]);
  planted.X_DECEASED_VALID = (await licenses.query<{ zzbs: string }>("SELECT zzbs FROM dzzz_zzxx WHERE czztdm = $1 AND zzzt = '有效'", [deceased.czztdm])).map((r) => r.zzbs);

  // A person who holds licences and applied for cases vanishes from the registry:
  // X_HOLDER_UNREGISTERED for the licences, X_APPLICANT_UNREGISTERED for the cases.
  const applicants = new Set((await cases.query<{ sqrzjhm: string }>("SELECT DISTINCT sqrzjhm FROM sp_bj WHERE sqrlx = '1'")).map((r) => r.sqrzjhm));
  const gone = rest.find((h) => applicants.has(h.czztdm))!;
  expect(gone, "a holder who also applied for a case").toBeDefined();
  await registry.query("DELETE FROM rk_jbxx WHERE gmsfhm = $1", [gone.czztdm]);
  planted.X_HOLDER_UNREGISTERED = (await licenses.query<{ zzbs: string }>("SELECT zzbs FROM dzzz_zzxx WHERE czztdm = $1", [gone.czztdm])).map((r) => r.zzbs);
  planted.X_APPLICANT_UNREGISTERED = (await cases.query<{ bjbh: string }>("SELECT bjbh FROM sp_bj WHERE sqrzjhm = $1 AND sqrlx = '1'", [gone.czztdm])).map((r) => r.bjbh);

  // A material cited as an e-licence (so one was held valid at acceptance) handed over on paper instead.
  const [cited] = await cases.query<{ bjbh: string; clbm: string }>("SELECT bjbh, clbm FROM sp_bjcl WHERE tjfs = '2' ORDER BY bjbh, clbm LIMIT 1");
  await cases.query("UPDATE sp_bjcl SET tjfs = '5', zzbs = NULL WHERE bjbh = $1 AND clbm = $2", [cited.bjbh, cited.clbm]);
  planted.X_ELICENSE_NOT_USED = [`${cited.bjbh}/${cited.clbm}`];
}

// ── The oracle: the FEDERATED rules computed from the silos directly ──

type Expected = Record<string, { checked: number; failed: string[] }>;

async function oracle(s: Stack): Promise<Expected> {
  const today = new Date(`${AS_OF}T00:00:00Z`);
  const wellFormed = (code: string | null) => code !== null && validateIdNumber(code, today).ok;
  const text = (v: string | null) => (v === null || v.trim() === "" ? null : v.trim());
  // The registry's person for an ID number: the row not cancelled, else the latest.
  const persons = new Map(
    (
      await s.silos.registry.query<{ gmsfhm: string; xm: string | null; swbs: string }>(
        "SELECT DISTINCT ON (gmsfhm) gmsfhm, xm, swbs FROM rk_jbxx ORDER BY gmsfhm, (zxrq IS NULL) DESC, gxsj DESC, rkbh DESC",
      )
    ).map((p) => [p.gmsfhm, p]),
  );
  const out: Expected = Object.fromEntries(FEDERATED.map((r) => [r, { checked: 0, failed: [] as string[] }]));
  const check = (rule: string, key: string, failed: boolean) => {
    out[rule].checked++;
    if (failed) out[rule].failed.push(key);
  };

  const licences = await s.silos.licenses.query<{ zzbs: string; czzt: string | null; czztdm: string | null; czztdmlx: string | null; zzzt: string | null; zzlxdm: string; zzbfrq: string | null; zzyxqqsrq: string | null; zzyxqjzrq: string | null }>(
    "SELECT zzbs, czzt, czztdm, czztdmlx, zzzt, zzlxdm, zzbfrq::text, zzyxqqsrq::text, zzyxqjzrq::text FROM dzzz_zzxx",
  );
  for (const l of licences) {
    if (l.czztdmlx?.trim() !== "111" || !wellFormed(l.czztdm)) continue;
    const person = persons.get(l.czztdm!.trim().toUpperCase());
    check("X_HOLDER_UNREGISTERED", l.zzbs, !person);
    if (!person) continue;
    const a = text(l.czzt);
    const b = text(person.xm);
    check("X_HOLDER_NAME", l.zzbs, a !== null && b !== null && a !== b);
    if (l.zzzt?.trim() === "有效") check("X_DECEASED_VALID", l.zzbs, person.swbs.trim() === "1");
  }

  const allCases = await s.silos.cases.query<{ bjbh: string; sqrzjhm: string | null; sqrlx: string | null; sxbm: string; slsj: Date | null }>("SELECT bjbh, sqrzjhm, sqrlx, sxbm, slsj FROM sp_bj");
  for (const c of allCases) {
    if (c.sqrlx?.trim() !== "1" || !wellFormed(c.sqrzjhm)) continue;
    check("X_APPLICANT_UNREGISTERED", c.bjbh, !persons.has(c.sqrzjhm!.trim().toUpperCase()));
  }

  const caseByNumber = new Map(allCases.map((c) => [c.bjbh, c]));
  const catalogue = new Map(
    (await s.silos.cases.query<{ sxbm: string; clbm: string; zzlxdm: string | null }>("SELECT sxbm, clbm, zzlxdm FROM sp_sxcl")).map((m) => [`${m.sxbm}/${m.clbm}`, m.zzlxdm?.trim() || null]),
  );
  const materials = await s.silos.cases.query<{ bjbh: string; clbm: string; tjfs: string | null }>("SELECT bjbh, clbm, tjfs FROM sp_bjcl");
  for (const m of materials) {
    if (!["5", "6"].includes(m.tjfs?.trim() ?? "")) continue;
    const c = caseByNumber.get(m.bjbh)!;
    const type = catalogue.get(`${c.sxbm}/${m.clbm}`);
    if (!type) continue;
    const code = c.sqrzjhm?.trim().toUpperCase();
    const day = c.slsj ? formatChinaDay(c.slsj) : null;
    const held =
      code !== undefined && code !== "" && day !== null &&
      licences.some((l) => l.czztdm === code && l.zzlxdm === type && l.zzzt?.trim() === "有效" && l.zzbfrq !== null && l.zzbfrq <= day && (l.zzyxqqsrq === null || l.zzyxqqsrq <= day) && (l.zzyxqjzrq === null || l.zzyxqjzrq >= day));
    check("X_ELICENSE_NOT_USED", `${m.bjbh}/${m.clbm}`, held);
  }
  return out;
}
