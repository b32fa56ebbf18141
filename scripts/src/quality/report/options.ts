// `npm run report:quality` options: parsed strictly (anything unknown or malformed is a
// UsageError, exit 2), defaults from the environment as the variables table says.
import { isAbsolute, resolve } from "node:path";
import { readString, readUrl } from "@onceonly/shared";
import { parseCli, UsageError } from "../../cli.js";

export const REPORT_FORMATS = ["html", "json", "csv"] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const USAGE = `usage: npm run report:quality -- [--format html|json|csv] [--out <file>] [--as-of YYYY-MM-DD]
                              [--gateway <url>] [--token <jwt>] [--findings <file.ndjson>]
Reads every silo through the gateway as a data steward, scores the data quality rules,
keeps the report in the history (QUALITY_REPORTS_DIR, default DATA_DIR/quality-reports)
and writes it:
  --format    html (default: one self-contained page, Chinese with an English switch), json, csv
  --out       output file (default: quality-report.html for html, standard output for json/csv)
  --as-of     report day (default: today in China)
  --gateway   the gateway's GraphQL URL (default: GATEWAY_URL, else http://127.0.0.1:4000/graphql)
  --token     a steward's bearer token (default: ONCEONLY_TOKEN; with DEV_MODE=true one is
              minted for the demo steward LS-SJ-01 with the development key)
  --findings  also write every failing record as NDJSON ({"rule","kind","key"} per line)
Exit 0 when the report was written, 1 when the run failed, 2 for bad arguments.`;

export const DEFAULT_GATEWAY_URL = "http://127.0.0.1:4000/graphql";

export interface ReportQualityOptions {
  format: ReportFormat;
  /** Absolute path, or null for standard output. */
  out: string | null;
  asOf: string;
  gatewayUrl: string;
  /** From --token or ONCEONLY_TOKEN; null: mint one in DEV_MODE (the caller's decision). */
  token: string | null;
  findings: string | null;
}

/**
 * `cwd`: where relative paths resolve — npm runs scripts in the package root, so the CLI
 * passes INIT_CWD (the user's directory) when npm set it.
 */
export function parseReportQualityArgs(argv: string[], env: Record<string, string | undefined>, cwd: string, now: Date = new Date()): ReportQualityOptions {
  const values = parseCli(
    argv,
    { format: { type: "string" }, out: { type: "string" }, "as-of": { type: "string" }, gateway: { type: "string" }, token: { type: "string" }, findings: { type: "string" } } as const,
    USAGE,
  );
  const format = (values.format ?? "html") as ReportFormat;
  if (!REPORT_FORMATS.includes(format)) throw new UsageError(`--format ${values.format}: one of ${REPORT_FORMATS.join(", ")}`);
  const asOf = values["as-of"] ?? chinaToday(now);
  if (!isLocalDate(asOf)) throw new UsageError(`--as-of ${asOf}: a calendar day YYYY-MM-DD (e.g. 2025-06-30)`);
  const gatewayUrl = values.gateway ?? readUrl(env, "GATEWAY_URL", ["http:", "https:"]) ?? DEFAULT_GATEWAY_URL;
  if (values.gateway !== undefined && !/^https?:\/\/[^\s]+$/.test(values.gateway)) throw new UsageError(`--gateway ${values.gateway}: an http(s) URL (e.g. ${DEFAULT_GATEWAY_URL})`);
  const path = (name: string, raw: string | undefined) => {
    if (raw === undefined) return null;
    if (raw.trim() === "") throw new UsageError(`--${name} needs a file name`);
    return isAbsolute(raw) ? raw : resolve(cwd, raw);
  };
  if (values.token !== undefined && values.token.trim() === "") throw new UsageError("--token is empty");
  return {
    format,
    out: path("out", values.out) ?? (format === "html" ? resolve(cwd, "quality-report.html") : null),
    asOf,
    gatewayUrl,
    token: values.token?.trim() ?? readString(env, "ONCEONLY_TOKEN") ?? null,
    findings: path("findings", values.findings),
  };
}

/** Today's date in China (UTC+8, no daylight saving). */
export function chinaToday(now: Date = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

export function isLocalDate(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === value;
}
