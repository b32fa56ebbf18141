// The HTML report as text: self-contained, bilingual, escaped. The browser test
// (test/e2e/quality-report-html.test.ts) renders it in Chromium.
import { describe, expect, it } from "vitest";
import { QUALITY_RULES, summarizeReport } from "@onceonly/shared";
import { buildReport, renderHtml } from "../../scripts/src/quality/report/index.js";
import { esc } from "../../scripts/src/quality/report/html/escape.js";
import { fakeRun, HAND_COUNTS } from "../support/quality-run.js";

const HOSTILE = [`<script>alert("x")</script>`, `"><img src=x onerror=alert(1)>`, `' onmouseover='alert(2)`, `</code></td><iframe src="http://evil.example/">`, "&amp;<!--"];

describe("renderHtml", () => {
  const previous = buildReport(fakeRun({ ...HAND_COUNTS, REG_ID_NUMBER: [1000, 80] }, { asOf: "2025-06-29", finishedAt: "2025-06-29T01:00:00.000Z" }), null);
  const report = buildReport(fakeRun(HAND_COUNTS, { samples: { REG_ID_NUMBER: HOSTILE, REG_REQUIRED: ["3201001"] } }), previous);
  const html = renderHtml(report, [summarizeReport(previous)]);

  it("is one self-contained page: no external resource of any kind", () => {
    expect(html.startsWith("<!DOCTYPE html>")).toBe(true);
    expect(html).not.toMatch(/<link\b|<img\b|<iframe\b|<object\b|<embed\b|@import|url\(/i);
    expect(html).not.toMatch(/<[^>]*\s(src|href|xlink:href|action|background)=/i);
    // The only URL is the SVG namespace name (an identifier, never fetched).
    const clean = renderHtml(buildReport(fakeRun(HAND_COUNTS), previous), [summarizeReport(previous)]);
    expect(clean.match(/https?:\/\/[^\s"'<>)]+/g)?.filter((u) => u !== "http://www.w3.org/2000/svg") ?? []).toEqual([]);
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;;[^"]*script-src &#39;sha256-[A-Za-z0-9+/=]+&#39;/);
  });

  it("escapes every key: no markup from the data survives", () => {
    for (const key of HOSTILE) expect(html).toContain(`<code class="key">${esc(key)}</code>`);
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).not.toContain("<iframe");
    expect(html).not.toContain("' onmouseover='");
    expect(esc(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
  });

  it("is Chinese first with every heading also in English", () => {
    expect(html).toContain('<html lang="zh-CN" data-lang="zh"');
    for (const [zh, en] of [["数据质量报告", "Data quality report"], ["部门评分", "Department scores"], ["维度评分", "Dimension scores"], ["趋势", "Trend"], ["规则明细", "Rules"], ["评分方法", "How scores are computed"]]) {
      expect(html).toContain(`<span class="zh" lang="zh-CN">${zh}</span><span class="en" lang="en">${en}</span>`);
    }
    expect(html).toContain('id="lang-switch"');
  });

  it("shows every rule with both descriptions, the as-of day, run time and records read", () => {
    for (const rule of QUALITY_RULES) {
      expect(html).toContain(`data-rule="${rule.id}"`);
      expect(html).toContain(esc(rule.zh));
      expect(html).toContain(esc(rule.en));
    }
    expect(html).toContain("2025-06-30");
    expect(html).toContain("2025-06-30 09:00:00 – 09:02:13"); // China time
    expect(html).toContain("2 分 14 秒");
    expect(html).toContain("2,200");
    expect(html).toContain("另有 45 条"); // REG_ID_NUMBER: 50 failed, 5 sample keys shown
  });

  it("draws the three charts as inline SVG", () => {
    expect(html.match(/<rect class="bar" data-department=/g)).toHaveLength(2); // cases has no score
    expect(html.match(/<rect class="bar" data-dimension=/g)).toHaveLength(3); // COMPLETENESS, VALIDITY, CONSISTENCY
    expect(html.match(/<polyline class="trend-line" data-series="(overall|registry|licenses)"/g)).toHaveLength(3);
    expect(html).toContain('id="chart-trend"');
  });

  it("renders a first run (no trend, one point) and a run with nothing checked", () => {
    const first = renderHtml(buildReport(fakeRun({}), null));
    expect(first).toContain("首次运行");
    expect(first).not.toContain('class="trend-line"');
    expect(first).not.toContain('<rect class="bar"');
    expect(first).toContain("无检查记录");
  });
});
