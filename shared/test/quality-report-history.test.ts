import { mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  isReportId, openReportHistory, QUALITY_REPORT_VERSION, qualityReportsDir, reportIdFor, summarizeReport,
  type QualityReport,
} from "../src/index.js";

// A minimal report of the current version: the history reads ids, times and scores only.
function report(finishedAt: string, overall: number | null = 90): QualityReport {
  const group = { score: overall, checked: 10, failed: 1, rules: 1, rulesScored: 1, rulesFailing: 1 };
  return {
    version: QUALITY_REPORT_VERSION, id: reportIdFor(finishedAt), asOf: finishedAt.slice(0, 10), startedAt: finishedAt, finishedAt, durationMs: 0,
    records: { registry: 1, licenses: 2, cases: 3 }, recordsRead: 6, scoring: { weights: { HIGH: 3, MEDIUM: 2, LOW: 1 }, en: "", zh: "" },
    overall: group,
    departments: [{ department: "registry", zh: "", en: "", ...group }],
    dimensions: [{ dimension: "VALIDITY", zh: "", en: "", ...group }],
    rules: [], trend: null,
  };
}

describe("report history", () => {
  let dir: string;
  beforeEach(async () => {
    dir = join(await mkdtemp(join(tmpdir(), "quality-history-")), "reports");
  });
  afterEach(async () => rm(join(dir, ".."), { recursive: true, force: true }));

  it("is empty before the first save (no folder yet)", async () => {
    const history = openReportHistory(dir);
    expect(await history.list()).toEqual([]);
    expect(await history.latest()).toBeNull();
  });

  it("saves one file per run named by its time and lists them newest first", async () => {
    const history = openReportHistory(dir);
    const a = report("2025-06-28T01:00:00.000Z", 80);
    const b = report("2025-06-30T01:00:00.000Z", 95);
    const c = report("2025-06-29T23:59:59.999Z", 90);
    for (const r of [a, b, c]) await history.save(r);
    expect((await readdir(dir)).sort()).toEqual(["2025-06-28T01-00-00.000Z.json", "2025-06-29T23-59-59.999Z.json", "2025-06-30T01-00-00.000Z.json"]);
    expect((await history.list()).map((s) => s.id)).toEqual([b.id, c.id, a.id]);
    expect(await history.list({ limit: 2 })).toEqual([summarizeReport(b), summarizeReport(c)]);
    expect(await history.latest()).toEqual(b);
    expect(await history.get(a.id)).toEqual(a);
    expect(await history.get("2025-01-01T00-00-00.000Z")).toBeNull();
    expect(JSON.parse(await readFile(join(dir, `${b.id}.json`), "utf8"))).toEqual(b);
  });

  it("reads only the files a limited listing needs", async () => {
    const history = openReportHistory(dir);
    for (let day = 1; day <= 5; day++) await history.save(report(`2025-06-0${day}T00:00:00.000Z`));
    // Spoil the oldest: a listing of the newest two must not even open it.
    await writeFile(join(dir, "2025-06-01T00-00-00.000Z.json"), "not json");
    expect((await history.list({ limit: 2 })).map((s) => s.asOf)).toEqual(["2025-06-05", "2025-06-04"]);
    await expect(history.list()).rejects.toThrow(/2025-06-01T00-00-00\.000Z\.json is not JSON/);
  });

  it("never overwrites a report, and leaves no temporary file behind", async () => {
    const history = openReportHistory(dir);
    const a = report("2025-06-30T01:00:00.000Z");
    await history.save(a);
    await expect(history.save({ ...a, recordsRead: 7 })).rejects.toThrow(/already holds/);
    expect(await readdir(dir)).toEqual([`${a.id}.json`]);
    expect((await history.latest())!.recordsRead).toBe(6);
  });

  it("ignores temporary and foreign files, refuses ids that are paths and reports of another version", async () => {
    const history = openReportHistory(dir);
    await history.save(report("2025-06-30T01:00:00.000Z"));
    await writeFile(join(dir, ".2025-07-01T00-00-00.000Z.123.ab.tmp"), "{");
    await writeFile(join(dir, "notes.json"), "{}");
    expect((await history.list()).map((s) => s.asOf)).toEqual(["2025-06-30"]);
    expect(await history.get("../../etc/passwd")).toBeNull();
    expect(isReportId("2025-06-30T01-00-00.000Z")).toBe(true);
    expect(isReportId("2025-06-30T01-00-00.000Z/../x")).toBe(false);
    await expect(history.save({ ...report("2025-07-01T00:00:00.000Z"), id: "../x" })).rejects.toThrow(/not a history id/);
    await writeFile(join(dir, "2025-07-02T00-00-00.000Z.json"), JSON.stringify({ ...report("2025-07-02T00:00:00.000Z"), version: 99 }));
    await expect(history.latest()).rejects.toThrow(/has version 99; this build reads version 1/);
  });

  it("writes atomically: a failed write leaves the history as it was", async () => {
    const history = openReportHistory(dir);
    const circular = report("2025-06-30T01:00:00.000Z") as QualityReport & { self?: unknown };
    circular.self = circular;
    await expect(history.save(circular)).rejects.toThrow();
    expect(await readdir(dir)).toEqual([]);
  });

  it("orders two runs of one millisecond by their suffix", async () => {
    const history = openReportHistory(dir);
    const a = report("2025-06-30T01:00:00.000Z");
    await history.save(a);
    await history.save({ ...a, id: `${a.id}-2`, recordsRead: 2 });
    expect((await history.list()).map((s) => s.id)).toEqual([`${a.id}-2`, a.id]);
  });

  it("lives in QUALITY_REPORTS_DIR, else DATA_DIR/quality-reports", () => {
    expect(qualityReportsDir({ QUALITY_REPORTS_DIR: "/srv/q" })).toBe("/srv/q");
    expect(qualityReportsDir({ DATA_DIR: "/srv/data" })).toBe(join("/srv/data", "quality-reports"));
    expect(qualityReportsDir({}, "/repo/.data")).toBe(join("/repo/.data", "quality-reports"));
  });

  it("names a report by its finishing time", () => {
    expect(reportIdFor("2025-06-30T09:30:00+08:00")).toBe("2025-06-30T01-30-00.000Z");
    expect(() => reportIdFor("yesterday")).toThrow(/not an ISO 8601 time/);
  });
});
