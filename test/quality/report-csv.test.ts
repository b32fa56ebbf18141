import { describe, expect, it } from "vitest";
import { QUALITY_RULES } from "@onceonly/shared";
import { buildReport, CSV_COLUMNS, renderCsv, renderJson } from "../../scripts/src/quality/report/index.js";
import { text } from "../../scripts/src/quality/report/csv.js";
import { fakeRun, HAND_COUNTS } from "../support/quality-run.js";

// A small RFC 4180 reader: enough to prove the writer's quoting round-trips.
function parseCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [], cell = "", quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(cell), (cell = "");
    else if (c === "\r" && csv[i + 1] === "\n") row.push(cell), rows.push(row), (row = []), (cell = ""), i++;
    else cell += c;
  }
  if (cell !== "" || row.length) throw new Error("CSV does not end with CRLF");
  return rows;
}

describe("renderCsv", () => {
  const previous = buildReport(fakeRun({ ...HAND_COUNTS, REG_ID_NUMBER: [1000, 80] }, { finishedAt: "2025-06-29T01:00:00.000Z" }), null);
  const run = fakeRun(HAND_COUNTS, { samples: { LIC_CREDIT_CODE: ['a,"b"', "line\nbreak", "=HYPERLINK(\"x\")"] } });
  const report = buildReport(run, previous);
  const csv = renderCsv(report);

  it("starts with a UTF-8 BOM and ends every record with CRLF", () => {
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(csv, "utf8").subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(csv.endsWith("\r\n")).toBe(true);
  });

  it("has a header and one row per rule with the numbers of the model", () => {
    const [header, ...rows] = parseCsv(csv.slice(1));
    expect(header).toEqual([...CSV_COLUMNS]);
    expect(rows).toHaveLength(QUALITY_RULES.length);
    const row = (id: string) => Object.fromEntries(header.map((h, i) => [h, rows.find((r) => r[1] === id)![i]]));
    expect(row("REG_ID_NUMBER")).toMatchObject({
      as_of: "2025-06-30", department: "registry", department_zh: "公安局户籍管理（人口库）", dimension: "VALIDITY", dimension_zh: "规范性",
      severity: "HIGH", weight: "3", scope: "SILO", record_kind: "PERSON", checked: "1000", failed: "50", rate: "0.05",
      department_score: "97.625", department_score_contribution: "35.625", department_points_lost: "1.875", failed_delta: "-30",
      description_en: "ID number fails GB 11643 (length, birth date or check character)",
    });
    expect(row("REG_ID_NUMBER").description_zh).toBe("公民身份号码不符合 GB 11643（长度、出生日期或校验码错误）");
    expect(row("CASE_OVERDUE")).toMatchObject({ checked: "0", failed: "0", rate: "", department_score: "", department_score_contribution: "", failed_delta: "0" });
    expect(row("LIC_CREDIT_CODE").rate).toBe("0.2");
  });

  it("quotes commas, quotes and line breaks (RFC 4180) and defuses formulas", () => {
    const [header, ...rows] = parseCsv(csv.slice(1));
    const samples = rows.find((r) => r[1] === "LIC_CREDIT_CODE")![header.indexOf("sample_keys")];
    expect(samples).toBe('a,"b" line\nbreak =HYPERLINK("x")');
    expect(csv).toContain('"a,""b"" line\nbreak =HYPERLINK(""x"")"');
    expect(text("=1+1")).toBe("'=1+1");
    expect(text("-2")).toBe("'-2");
    expect(text("@SUM(A1)")).toBe("'@SUM(A1)");
    expect(text('say "hi"')).toBe('"say ""hi"""');
    expect(text("plain")).toBe("plain");
  });

  it("JSON is the whole report", () => {
    expect(JSON.parse(renderJson(report))).toEqual(report);
  });
});
