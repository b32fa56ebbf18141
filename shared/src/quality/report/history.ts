// The report history: one JSON file per run in QUALITY_REPORTS_DIR, named by the run's
// finishing time, so the newest sorts last and a listing needs no index file. The report
// CLI saves into it and compares against its latest entry; the gateway's steward query
// reads it. Writes are atomic (temporary file, fsync, rename): a reader never sees half a
// report, and a crashed run leaves only a "*.tmp" file that no listing picks up.
import { randomBytes } from "node:crypto";
import { mkdir, open, readdir, readFile, rename, rm, stat } from "node:fs/promises";
import { join } from "node:path";
import { readString } from "../../config/env.js";
import { DIMENSIONS, QUALITY_DEPARTMENTS, type Dimension, type QualityDepartment } from "../rules.js";
import { QUALITY_REPORT_VERSION, type QualityReport, type QualityReportSummary } from "./types.js";

/** 2025-06-01T08-30-00.123Z, optionally "-2" when two runs finished in the same millisecond. */
const REPORT_ID = /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}(\.\d{1,9})?Z(-\d+)?$/;

/** The history file name (without .json) of a run that finished at `finishedAt` (ISO 8601). */
export function reportIdFor(finishedAt: string): string {
  const time = new Date(finishedAt);
  if (Number.isNaN(time.getTime())) throw new Error(`finishedAt ${JSON.stringify(finishedAt)} is not an ISO 8601 time`);
  return time.toISOString().replace(/:/g, "-");
}

/** A report id as the history names files; anything else (a path, "..") is refused. */
export function isReportId(id: string): boolean {
  return REPORT_ID.test(id);
}

/** QUALITY_REPORTS_DIR, else DATA_DIR/quality-reports (DATA_DIR default: `defaultDataDir`). */
export function qualityReportsDir(env: Record<string, string | undefined>, defaultDataDir = ".data"): string {
  return readString(env, "QUALITY_REPORTS_DIR") ?? join(readString(env, "DATA_DIR") ?? defaultDataDir, "quality-reports");
}

export function summarizeReport(report: QualityReport): QualityReportSummary {
  return {
    id: report.id,
    asOf: report.asOf,
    startedAt: report.startedAt,
    finishedAt: report.finishedAt,
    recordsRead: report.recordsRead,
    overall: report.overall.score,
    departments: Object.fromEntries(QUALITY_DEPARTMENTS.map((d) => [d, report.departments.find((s) => s.department === d)?.score ?? null])) as Record<QualityDepartment, number | null>,
    dimensions: Object.fromEntries(DIMENSIONS.map((d) => [d, report.dimensions.find((s) => s.dimension === d)?.score ?? null])) as Record<Dimension, number | null>,
    checked: report.overall.checked,
    failed: report.overall.failed,
  };
}

export interface ReportHistory {
  readonly dir: string;
  /** Summaries, newest first; reads only the `limit` newest files (default: all). */
  list(options?: { limit?: number }): Promise<QualityReportSummary[]>;
  /** The newest report, or null when the history is empty (or its folder does not exist). */
  latest(): Promise<QualityReport | null>;
  /** One report by id, or null when there is none (an id that is not a report id is null too). */
  get(id: string): Promise<QualityReport | null>;
  /** Writes the report as `${report.id}.json` (folder created); returns the file's path. */
  save(report: QualityReport): Promise<string>;
}

export function openReportHistory(dir: string): ReportHistory {
  // Newest first: ids are ISO times, so the file names sort as the runs happened.
  const ids = async (): Promise<string[]> => {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
      throw error;
    }
    return names
      .filter((n) => n.endsWith(".json") && isReportId(n.slice(0, -5)))
      .map((n) => n.slice(0, -5))
      .sort(compareIds)
      .reverse();
  };

  const read = async (id: string): Promise<QualityReport | null> => {
    const path = join(dir, `${id}.json`);
    let text: string;
    try {
      text = await readFile(path, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw error;
    }
    return parseReport(text, path);
  };

  return {
    dir,
    async list(options = {}) {
      const limit = options.limit ?? Infinity;
      if (!(limit >= 0)) throw new RangeError(`list: limit ${limit} must be ≥ 0`);
      const summaries: QualityReportSummary[] = [];
      // One file at a time: a long history must not open hundreds of files at once.
      for (const id of (await ids()).slice(0, limit)) {
        const report = await read(id);
        // A file removed between readdir and read is simply no longer in the history.
        if (report) summaries.push(summarizeReport(report));
      }
      return summaries;
    },
    async latest() {
      for (const id of await ids()) {
        const report = await read(id);
        if (report) return report;
      }
      return null;
    },
    async get(id) {
      return isReportId(id) ? read(id) : null;
    },
    async save(report) {
      if (!isReportId(report.id)) throw new Error(`report id ${JSON.stringify(report.id)} is not a history id (like 2025-06-01T08-30-00.000Z)`);
      await mkdir(dir, { recursive: true });
      const path = join(dir, `${report.id}.json`);
      if (await exists(path)) throw new Error(`the quality report history already holds ${path}; a report is never overwritten`);
      const tmp = join(dir, `.${report.id}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
      const file = await open(tmp, "wx", 0o644);
      try {
        await file.writeFile(JSON.stringify(report, null, 2) + "\n", "utf8");
        await file.sync();
      } catch (error) {
        await file.close();
        await rm(tmp, { force: true });
        throw error;
      }
      await file.close();
      await rename(tmp, path);
      return path;
    },
  };
}

// Private: "…00.000Z" sorts before "…00.000Z-2"; plain string order does that already
// except that "-" (0x2d) sorts before "." (0x2e) — compare the time part first.
function compareIds(a: string, b: string): number {
  const [ta, na] = splitId(a);
  const [tb, nb] = splitId(b);
  return ta < tb ? -1 : ta > tb ? 1 : na - nb;
}

function splitId(id: string): [string, number] {
  const z = id.indexOf("Z");
  return [id.slice(0, z), z + 1 < id.length ? Number(id.slice(z + 2)) : 0];
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw error;
  }
}

// Private: a file of another version or shape would break every reader downstream.
function parseReport(text: string, path: string): QualityReport {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`quality report ${path} is not JSON; move it out of the history folder`);
  }
  const report = value as Partial<QualityReport> | null;
  if (typeof report !== "object" || report === null || !Array.isArray(report.rules) || typeof report.id !== "string" || typeof report.overall !== "object") {
    throw new Error(`quality report ${path} is not a quality report; move it out of the history folder`);
  }
  if (report.version !== QUALITY_REPORT_VERSION) {
    throw new Error(`quality report ${path} has version ${String(report.version)}; this build reads version ${QUALITY_REPORT_VERSION}`);
  }
  return report as QualityReport;
}
