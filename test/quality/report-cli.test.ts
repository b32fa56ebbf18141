import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { UsageError } from "../../scripts/src/cli.js";
import { chinaToday, isLocalDate, parseReportQualityArgs } from "../../scripts/src/quality/report/options.js";
import { progressDisplay } from "../../scripts/src/quality/report/progress.js";

const NOW = new Date("2025-06-30T17:00:00.000Z"); // 2025-07-01 01:00 in China

describe("report:quality arguments", () => {
  it("defaults to HTML in quality-report.html, today in China, the local gateway, no token", () => {
    expect(parseReportQualityArgs([], {}, "/home/me", NOW)).toEqual({
      format: "html", out: "/home/me/quality-report.html", asOf: "2025-07-01", gatewayUrl: "http://127.0.0.1:4000/graphql", token: null, findings: null,
    });
  });

  it("writes JSON and CSV to standard output unless --out names a file (relative to the caller's directory)", () => {
    expect(parseReportQualityArgs(["--format", "json"], {}, "/home/me", NOW).out).toBeNull();
    expect(parseReportQualityArgs(["--format", "csv", "--out", "r/q.csv"], {}, "/home/me", NOW).out).toBe("/home/me/r/q.csv");
    expect(parseReportQualityArgs(["--out", "/tmp/q.html", "--findings", "f.ndjson"], {}, "/home/me", NOW)).toMatchObject({ out: "/tmp/q.html", findings: "/home/me/f.ndjson" });
  });

  it("takes the gateway and the token from the options, else GATEWAY_URL and ONCEONLY_TOKEN", () => {
    const env = { GATEWAY_URL: "https://gw.example/graphql", ONCEONLY_TOKEN: "env-token" };
    expect(parseReportQualityArgs([], env, "/", NOW)).toMatchObject({ gatewayUrl: "https://gw.example/graphql", token: "env-token" });
    expect(parseReportQualityArgs(["--gateway", "http://10.0.0.1:4000/graphql", "--token", "t"], env, "/", NOW)).toMatchObject({ gatewayUrl: "http://10.0.0.1:4000/graphql", token: "t" });
    expect(parseReportQualityArgs(["--as-of", "2024-02-29"], {}, "/", NOW).asOf).toBe("2024-02-29");
  });

  it("refuses what it does not understand (a UsageError: exit 2)", () => {
    const bad = (argv: string[], message: RegExp) => expect(() => parseReportQualityArgs(argv, {}, "/", NOW)).toThrow(message);
    bad(["--format", "pdf"], /--format pdf: one of html, json, csv/);
    bad(["--as-of", "2025-02-30"], /--as-of 2025-02-30: a calendar day/);
    bad(["--as-of", "20250601"], /YYYY-MM-DD/);
    bad(["--gateway", "ftp://x"], /an http\(s\) URL/);
    bad(["--token", " "], /--token is empty/);
    bad(["--verbose"], /Unknown option '--verbose'/);
    bad(["positional"], /positional/);
    expect(() => parseReportQualityArgs(["--format", "pdf"], {}, "/", NOW)).toThrow(UsageError);
  });

  it("knows China's day and calendar days", () => {
    expect(chinaToday(new Date("2025-06-30T15:59:59Z"))).toBe("2025-06-30");
    expect(chinaToday(new Date("2025-06-30T16:00:00Z"))).toBe("2025-07-01");
    expect(isLocalDate("2023-02-29")).toBe(false);
    expect(isLocalDate("2024-12-31")).toBe(true);
  });
});

describe("progress display", () => {
  it("without a terminal writes one line per finished phase: records and records per second", () => {
    const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
    let now = 0;
    const progress = progressDisplay(stream, () => now);
    progress.update({ phase: "registry", records: 0, total: 1000 });
    now = 2000;
    progress.update({ phase: "registry", records: 1000, total: 1000 });
    progress.update({ phase: "federated", records: 0, total: null });
    now = 3000;
    progress.update({ phase: "federated", records: 5000, total: null });
    progress.stop();
    expect(String((stream as unknown as PassThrough).read())).toBe(
      "registry: 1,000 records in 2.0 s (500/s)\nfederated: 5,000 records in 1.0 s (5,000/s)\n",
    );
  });

  it("on a terminal draws a bar with the phase, records and rate", () => {
    const chunks: string[] = [];
    const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 120, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
    (stream as unknown as PassThrough).on("data", (c) => chunks.push(String(c)));
    let now = 0;
    const progress = progressDisplay(stream, () => now);
    progress.update({ phase: "licenses", records: 0, total: 400 });
    now = 1000;
    progress.update({ phase: "licenses", records: 400, total: 400 });
    progress.stop();
    const out = chunks.join("");
    expect(out).toContain("licenses");
    expect(out).toMatch(/100% \| 400\/400 records \| 400\/s/);
  });
});
