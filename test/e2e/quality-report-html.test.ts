// The HTML quality report in a real browser (Debian's Chromium, driven by playwright-core;
// scripts/ensure-services.sh installs it): opened from a file with the network off, it
// must draw its charts, speak Chinese first and English on the switch, run no injected
// markup, and ask for nothing but itself.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { summarizeReport, type QualityReport } from "@onceonly/shared";
import { buildReport, renderHtml } from "../../scripts/src/quality/report/index.js";
import { fakeRun, HAND_COUNTS } from "../support/quality-run.js";

const CHROMIUM = "/usr/bin/chromium";
const ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];
const HOSTILE = [`<img src=x onerror="window.__xss=1">`, `"><script>window.__xss=2</script>`, `' onmouseover='window.__xss=3`, `<svg onload="window.__xss=4">`];

// Four earlier runs with improving registry quality, then today's.
function history(): { report: QualityReport; earlier: QualityReport[] } {
  const earlier: QualityReport[] = [];
  let previous: QualityReport | null = null;
  for (const [day, failed] of [[26, 200], [27, 150], [28, 120], [29, 80]] as const) {
    const run = fakeRun({ ...HAND_COUNTS, REG_ID_NUMBER: [1000, failed], LIC_CREDIT_CODE: [100, day - 10] }, {
      asOf: `2025-06-${day}`, startedAt: `2025-06-${day}T01:00:00.000Z`, finishedAt: `2025-06-${day}T01:01:00.000Z`,
    });
    previous = buildReport(run, previous);
    earlier.push(previous);
  }
  const report = buildReport(fakeRun(HAND_COUNTS, { samples: { REG_ID_NUMBER: HOSTILE, REG_REQUIRED: ["320100199001011234"] } }), previous);
  return { report, earlier };
}

describe("the HTML quality report in Chromium", () => {
  let browser: Browser;
  let page: Page;
  let dir: string;
  const requests: string[] = [];
  const dialogs: string[] = [];
  const consoleErrors: string[] = [];
  let url: string;

  beforeAll(async () => {
    const { report, earlier } = history();
    dir = await mkdtemp(join(tmpdir(), "quality-html-"));
    const file = join(dir, "quality-report.html");
    await writeFile(file, renderHtml(report, earlier.map(summarizeReport)), "utf8");
    url = pathToFileURL(file).href;
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
    const context = await browser.newContext({ offline: true, javaScriptEnabled: true });
    page = await context.newPage();
    page.on("request", (r) => requests.push(r.url()));
    page.on("dialog", (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    page.on("console", (m) => {
      if (m.type() === "error") consoleErrors.push(m.text());
    });
    await page.goto(url, { waitUntil: "load" });
  });

  afterAll(async () => {
    await browser?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  const boxes = (selector: string) =>
    page.$$eval(selector, (elements) => elements.map((e) => {
      const r = e.getBoundingClientRect();
      return { width: r.width, height: r.height };
    }));
  const visibleHeadings = () => page.$$eval("h1, h2", (hs) => hs.map((h) => (h as unknown as { innerText: string }).innerText.trim()));

  it("draws the department bars, the dimension columns and the trend lines", async () => {
    const departments = await boxes("#chart-departments rect.bar");
    expect(departments).toHaveLength(2); // registry and licences; cases checked nothing
    for (const b of departments) expect(b.width).toBeGreaterThan(300), expect(b.height).toBeGreaterThan(10);
    const dimensions = await boxes("#chart-dimensions rect.bar");
    expect(dimensions).toHaveLength(3);
    for (const b of dimensions) expect(b.height).toBeGreaterThan(100), expect(b.width).toBeGreaterThan(10);
    const lines = await boxes("#chart-trend polyline.trend-line");
    expect(lines).toHaveLength(3); // overall, registry, licences
    for (const b of lines) expect(b.width).toBeGreaterThan(300);
    // The registry improved run after run: its line climbs.
    const registry = await boxes('#chart-trend polyline[data-series="registry"]');
    expect(registry[0].height).toBeGreaterThan(20);
    expect(await page.$$eval("#chart-trend circle.trend-point", (c) => c.length)).toBe(15); // 5 runs × 3 series
  });

  it("is in Simplified Chinese first", async () => {
    expect(await page.evaluate("document.documentElement.lang")).toBe("zh-CN");
    expect(await page.title()).toBe("数据质量报告 2025-06-30");
    expect(await visibleHeadings()).toEqual(["数据质量报告", "部门评分", "维度评分", "趋势", "规则明细", "评分方法"]);
    expect(await page.locator("#chart-departments text.label:visible").allTextContents()).toEqual(["公安局户籍管理（人口库）", "电子证照库", "政务服务办件库"]);
    expect(await page.locator('tr[data-rule="REG_ID_NUMBER"]').innerText()).toContain("公民身份号码不符合 GB 11643");
  });

  it("switches to English and back with the button", async () => {
    await page.click("#lang-switch");
    expect(await page.evaluate("document.documentElement.lang")).toBe("en");
    expect(await page.title()).toBe("Data quality report 2025-06-30");
    expect(await visibleHeadings()).toEqual(["Data quality report", "Department scores", "Dimension scores", "Trend", "Rules", "How scores are computed"]);
    expect(await page.locator("#chart-departments text.label:visible").allTextContents()).toEqual(["Household registry", "E-licence library", "Case handling"]);
    const row = await page.locator('tr[data-rule="REG_ID_NUMBER"]').innerText();
    expect(row).toContain("ID number fails GB 11643");
    expect(row).not.toContain("公民身份号码");
    await page.click("#lang-switch");
    expect(await visibleHeadings()).toEqual(["数据质量报告", "部门评分", "维度评分", "趋势", "规则明细", "评分方法"]);
  });

  it("shows hostile keys as text and runs none of them", async () => {
    await page.hover('tr[data-rule="REG_ID_NUMBER"] td.samples');
    const keys = await page.$$eval('tr[data-rule="REG_ID_NUMBER"] code.key', (cs) => cs.map((c) => c.textContent));
    expect(keys).toEqual(HOSTILE);
    expect(await page.evaluate("window.__xss ?? null")).toBeNull();
    expect(await page.$$eval("main img, main iframe, main script, td svg", (e) => e.length)).toBe(0);
    expect(dialogs).toEqual([]);
  });

  it("asks the network for nothing: the only request is the document itself, and CSP is never violated", async () => {
    expect(requests).toEqual([url]);
    expect(consoleErrors).toEqual([]);
  });
});
