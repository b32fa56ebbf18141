// The report as one self-contained HTML page: Simplified Chinese first, an English switch
// (a button toggling <html data-lang>; every label is there in both languages and CSS
// shows one), charts as inline SVG drawn here. No external script, style, font or image:
// it opens offline from a mail attachment or a USB stick, and its Content-Security-Policy
// forbids every fetch and every script but its own (by hash), so even a key that slipped
// past escaping could not run.
import { createHash } from "node:crypto";
import {
  DEPARTMENT_LABELS, DIMENSION_LABELS, QUALITY_DEPARTMENTS, summarizeReport,
  type QualityReport, type QualityReportSummary, type RuleChange, type RuleResult, type ScoreChange, type Severity,
} from "@onceonly/shared";
import { departmentBars, dimensionColumns, scoreColor, trendLines } from "./charts.js";
import { esc, t } from "./escape.js";
import { chinaTime, count, duration, rate, score, signed } from "./format.js";

/** Runs the trend chart shows at most (the newest). */
export const TREND_RUNS = 30;

const SEVERITY_LABELS: Record<Severity, { zh: string; en: string }> = { HIGH: { zh: "高", en: "High" }, MEDIUM: { zh: "中", en: "Medium" }, LOW: { zh: "低", en: "Low" } };
const SCOPE_LABELS = { SILO: { zh: "部门自查", en: "Department scan" }, FEDERATED: { zh: "跨部门核验", en: "Cross-department" } } as const;

const SCRIPT =
  '(function(){var h=document.documentElement,b=document.getElementById("lang-switch");' +
  'function set(l){h.setAttribute("data-lang",l);h.lang=l==="en"?"en":"zh-CN";document.title=h.getAttribute("data-title-"+l);b.setAttribute("aria-pressed",String(l==="en"));}' +
  'b.addEventListener("click",function(){set(h.getAttribute("data-lang")==="en"?"zh":"en");});' +
  'if(location.hash==="#en")set("en");})();';
const SCRIPT_HASH = createHash("sha256").update(SCRIPT).digest("base64");
const CSP = `default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-${SCRIPT_HASH}'; img-src 'none'; font-src 'none'; connect-src 'none'; base-uri 'none'; form-action 'none'`;

/**
 * `history`: earlier runs (any order; the list of openReportHistory(dir).list() will do),
 * drawn as the trend lines together with this report.
 */
export function renderHtml(report: QualityReport, history: readonly QualityReportSummary[] = []): string {
  const runs = new Map(history.map((h) => [h.id, h]));
  runs.set(report.id, summarizeReport(report));
  const trendRuns = [...runs.values()].sort((a, b) => (a.finishedAt < b.finishedAt ? -1 : a.finishedAt > b.finishedAt ? 1 : 0)).slice(-TREND_RUNS);
  const titleZh = `数据质量报告 ${report.asOf}`;
  const titleEn = `Data quality report ${report.asOf}`;
  return `<!DOCTYPE html>
<html lang="zh-CN" data-lang="zh" data-title-zh="${esc(titleZh)}" data-title-en="${esc(titleEn)}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${esc(CSP)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${esc(titleZh)}</title>
<style>${STYLE}</style>
</head>
<body>
<header>
  <div class="wrap">
    <button id="lang-switch" type="button" aria-pressed="false">${t("English", "中文")}</button>
    <h1>${t("数据质量报告", "Data quality report")}</h1>
    <p class="sub">${t("户籍、电子证照、办件三库数据质量检查", "Data quality checks over the registry, e-licence and case silos")}</p>
    <dl class="meta">
      <div><dt>${t("报告日期", "As of")}</dt><dd>${esc(report.asOf)}</dd></div>
      <div><dt>${t("运行时间", "Run time")}</dt><dd>${esc(chinaTime(report.startedAt))} – ${esc(chinaTime(report.finishedAt).slice(11))} ${t("（北京时间）", "(China time)")} · ${t(duration(report.durationMs).zh, duration(report.durationMs).en)}</dd></div>
      <div><dt>${t("读取记录", "Records read")}</dt><dd>${esc(count(report.recordsRead))} <span class="muted">(${QUALITY_DEPARTMENTS.map((d) => `${t(DEPARTMENT_LABELS[d].zh, DEPARTMENT_LABELS[d].en)} ${esc(count(report.records[d]))}`).join(" · ")})</span></dd></div>
      <div><dt>${t("报告编号", "Report id")}</dt><dd><code>${esc(report.id)}</code></dd></div>
    </dl>
  </div>
</header>
<main class="wrap">
${kpis(report)}
<section id="departments">
  <h2>${t("部门评分", "Department scores")}</h2>
  ${departmentBars(report.departments)}
  ${groupTable(report.departments.map((d) => ({ key: d.department, ...d })), t("部门", "Department"))}
</section>
<section id="dimensions">
  <h2>${t("维度评分", "Dimension scores")}</h2>
  ${dimensionColumns(report.dimensions)}
  ${groupTable(report.dimensions.map((d) => ({ key: d.dimension, ...d })), t("维度", "Dimension"))}
</section>
<section id="trend">
  <h2>${t("趋势", "Trend")}</h2>
  ${trendLines(trendRuns)}
  <p class="muted">${t(`最近 ${trendRuns.length} 次运行的综合评分与部门评分。`, `Overall and department scores of the last ${trendRuns.length} run${trendRuns.length === 1 ? "" : "s"}.`)}</p>
  ${comparison(report)}
</section>
<section id="rules">
  <h2>${t("规则明细", "Rules")}</h2>
  <p class="muted">${t("每条规则的检查记录数、不合格数、不合格率，以及不合格记录样例（仅列记录键，不含个人信息）。", "Per rule: records checked, failures, failure rate, and sample failing records (keys only, no personal data).")}</p>
  ${QUALITY_DEPARTMENTS.map((d) => rulesTable(report, d)).join("\n")}
</section>
<section id="scoring">
  <h2>${t("评分方法", "How scores are computed")}</h2>
  <p>${t(report.scoring.zh, report.scoring.en)}</p>
  <table class="narrow"><thead><tr><th>${t("严重程度", "Severity")}</th><th class="num">${t("权重", "Weight")}</th></tr></thead><tbody>
  ${(Object.keys(report.scoring.weights) as Severity[]).map((s) => `<tr><td>${t(SEVERITY_LABELS[s].zh, SEVERITY_LABELS[s].en)}</td><td class="num">${esc(report.scoring.weights[s])}</td></tr>`).join("")}
  </tbody></table>
</section>
</main>
<footer class="wrap muted">${t("OnceOnly 数据质量报告", "OnceOnly data quality report")} · ${esc(report.id)}</footer>
<script>${SCRIPT}</script>
</body>
</html>
`;
}

function kpis(report: QualityReport): string {
  const delta = report.trend?.overall.delta ?? null;
  const card = (zh: string, en: string, value: string, note = "") => `<div class="kpi"><div class="kpi-label">${t(zh, en)}</div><div class="kpi-value">${value}</div>${note}</div>`;
  return `<section class="kpis" id="summary">
  ${card("综合评分", "Overall score", `<span style="color:${scoreColor(report.overall.score)}">${esc(score(report.overall.score))}</span>`, report.trend ? `<div class="kpi-note">${t("较上次", "vs previous")} ${deltaSpan(delta, 1, true)}</div>` : "")}
  ${card("读取记录", "Records read", esc(count(report.recordsRead)))}
  ${card("不合格记录", "Failures", esc(count(report.overall.failed)), `<div class="kpi-note">${t("检查", "checked")} ${esc(count(report.overall.checked))}</div>`)}
  ${card("存在不合格的规则", "Rules with failures", `${esc(report.overall.rulesFailing)} / ${esc(report.overall.rules)}`)}
</section>`;
}

function groupTable(rows: { key: string; zh: string; en: string; score: number | null; checked: number; failed: number; rules: number; rulesFailing: number }[], head: string): string {
  return `<table><thead><tr><th>${head}</th><th class="num">${t("评分", "Score")}</th><th class="num">${t("规则数", "Rules")}</th><th class="num">${t("有不合格的规则", "Rules failing")}</th><th class="num">${t("检查记录数", "Checked")}</th><th class="num">${t("不合格数", "Failed")}</th></tr></thead><tbody>
${rows.map((r) => `<tr data-key="${esc(r.key)}"><td>${t(r.zh, r.en)}</td><td class="num"><b>${esc(score(r.score))}</b></td><td class="num">${esc(r.rules)}</td><td class="num">${esc(r.rulesFailing)}</td><td class="num">${esc(count(r.checked))}</td><td class="num">${esc(count(r.failed))}</td></tr>`).join("\n")}
</tbody></table>`;
}

function comparison(report: QualityReport): string {
  const trend = report.trend;
  if (!trend) return `<p>${t("首次运行：没有可比较的上次结果。", "First run: there is no previous run to compare with.")}</p>`;
  const row = (label: string, c: ScoreChange) => `<tr><td>${label}</td><td class="num">${esc(score(c.previous))}</td><td class="num">${esc(score(c.current))}</td><td class="num">${deltaSpan(c.delta, 1, true)}</td></tr>`;
  return `<h3>${t("与上次运行比较", "Compared with the previous run")}</h3>
  <p class="muted">${t("上次运行", "Previous run")}: ${esc(trend.previous.asOf)} · ${esc(chinaTime(trend.previous.finishedAt))} · <code>${esc(trend.previous.id)}</code></p>
  <table><thead><tr><th></th><th class="num">${t("上次", "Previous")}</th><th class="num">${t("本次", "This run")}</th><th class="num">${t("变化", "Change")}</th></tr></thead><tbody>
  ${row(t("综合评分", "Overall"), trend.overall)}
  ${QUALITY_DEPARTMENTS.map((d) => row(t(DEPARTMENT_LABELS[d].zh, DEPARTMENT_LABELS[d].en), trend.departments[d])).join("\n")}
  ${report.dimensions.map((d) => row(t(DIMENSION_LABELS[d.dimension].zh, DIMENSION_LABELS[d.dimension].en), trend.dimensions[d.dimension])).join("\n")}
  </tbody></table>`;
}

function rulesTable(report: QualityReport, department: (typeof QUALITY_DEPARTMENTS)[number]): string {
  const changes = new Map<string, RuleChange>((report.trend?.rules ?? []).map((r) => [r.rule, r]));
  const rules = report.rules.filter((r) => r.department === department);
  const label = DEPARTMENT_LABELS[department];
  return `<h3>${t(label.zh, label.en)}</h3>
<table class="rules"><thead><tr><th>${t("规则", "Rule")}</th><th>${t("维度", "Dimension")}</th><th>${t("严重程度", "Severity")}</th><th>${t("说明", "Description")}</th><th class="num">${t("检查记录数", "Checked")}</th><th class="num">${t("不合格数", "Failed")}</th><th class="num">${t("不合格率", "Rate")}</th>${report.trend ? `<th class="num">${t("较上次", "Δ failed")}</th>` : ""}<th>${t("不合格记录样例（记录键）", "Sample failing records (keys)")}</th></tr></thead><tbody>
${rules.map((r) => ruleRow(r, report.trend ? (changes.get(r.id) ?? null) : undefined)).join("\n")}
</tbody></table>`;
}

function ruleRow(r: RuleResult, change: RuleChange | null | undefined): string {
  const more = r.failed - r.samples.length;
  const samples = r.samples.length === 0 ? `<span class="muted">—</span>` : r.samples.map((k) => `<code class="key">${esc(k)}</code>`).join(" ") + (more > 0 ? ` <span class="muted">${t(`另有 ${count(more)} 条`, `and ${count(more)} more`)}</span>` : "");
  const dim = DIMENSION_LABELS[r.dimension];
  const sev = SEVERITY_LABELS[r.severity];
  const scope = SCOPE_LABELS[r.scope];
  return `<tr data-rule="${esc(r.id)}"${r.failed > 0 ? ' class="failing"' : ""}><td><code>${esc(r.id)}</code><div class="muted small">${t(scope.zh, scope.en)}</div></td><td>${t(dim.zh, dim.en)}</td><td class="sev sev-${esc(r.severity)}">${t(sev.zh, sev.en)}</td><td>${t(r.zh, r.en)}<div class="muted small en" lang="en">checks: ${esc(r.checks)}</div></td><td class="num">${esc(count(r.checked))}</td><td class="num">${esc(count(r.failed))}</td><td class="num">${esc(rate(r.rate))}</td>${change === undefined ? "" : `<td class="num">${change === null || change.failedDelta === null ? `<span class="muted">${t("新规则", "new")}</span>` : deltaSpan(change.failedDelta, 0, false)}</td>`}<td class="samples">${samples}</td></tr>`;
}

/** A change, coloured: for scores up is good, for failures up is bad. */
function deltaSpan(delta: number | null, digits: number, upIsGood: boolean): string {
  const text = signed(delta, digits);
  if (delta === null || text === "±0") return `<span class="delta">${esc(text)}</span>`;
  const good = delta > 0 === upIsGood;
  return `<span class="delta ${good ? "good" : "bad"}">${esc(text)}</span>`;
}

const STYLE = `
:root{color-scheme:light}
*{box-sizing:border-box}
html[data-lang="zh"] .en,html[data-lang="en"] .zh{display:none}
body{margin:0;background:#f5f7fa;color:#1f2933;font:14px/1.55 "PingFang SC","Hiragino Sans GB","Microsoft YaHei","Noto Sans CJK SC","Source Han Sans SC","WenQuanYi Micro Hei",system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
.wrap{max-width:1120px;margin:0 auto;padding:0 24px}
header{background:#102a43;color:#fff;padding:20px 0 16px}
header h1{margin:0 0 2px;font-size:26px}
header .sub{margin:0 0 12px;color:#bcccdc}
header .muted{color:#9fb3c8}
#lang-switch{float:right;margin-top:4px;border:1px solid #9fb3c8;background:transparent;color:#fff;border-radius:4px;padding:4px 12px;font:inherit;cursor:pointer}
#lang-switch:hover{background:#243b53}
.meta{display:flex;flex-wrap:wrap;gap:8px 28px;margin:0}
.meta dt{font-size:12px;color:#9fb3c8}
.meta dd{margin:0}
main{padding-top:20px !important}
section{background:#fff;border-radius:8px;padding:18px 22px;margin:0 0 20px;box-shadow:0 1px 2px rgba(16,42,67,.1)}
h2{margin:0 0 12px;font-size:20px}
h3{margin:18px 0 8px;font-size:16px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(200px,1fr));gap:14px}
.kpi-label{font-size:13px;color:#52606d}
.kpi-value{font-size:30px;font-weight:600;font-variant-numeric:tabular-nums}
.kpi-note{font-size:12px;color:#52606d}
table{border-collapse:collapse;width:100%;font-size:13px;margin-top:10px}
table.narrow{width:auto}
th,td{border-bottom:1px solid #e4e7eb;padding:6px 8px;text-align:left;vertical-align:top}
th{background:#f0f4f8;font-weight:600}
.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
tr.failing td:first-child{border-left:3px solid #c62828}
.small{font-size:12px}
.muted{color:#7b8794}
.sev-HIGH{color:#c62828;font-weight:600}.sev-MEDIUM{color:#b35c00}.sev-LOW{color:#52606d}
.delta.good{color:#2e7d32}.delta.bad{color:#c62828}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12px}
code.key{display:inline-block;background:#f0f4f8;border-radius:3px;padding:0 4px;margin:0 2px 2px 0;word-break:break-all}
td.samples{max-width:300px}
.chart{display:block;max-width:100%;height:auto}
.chart text{font-size:13px;fill:#1f2933}
.chart .tick{font-size:11px;fill:#7b8794}
.chart .legend{font-size:12px}
.chart .value{font-weight:600}
.chart .muted{fill:#9aa5b1}
.chart .grid{stroke:#e4e7eb;stroke-width:1}
.chart .axis{stroke:#9aa5b1;stroke-width:1}
.chart .track{fill:#eceff1}
footer{padding:8px 24px 28px;font-size:12px}
@media print{#lang-switch{display:none}body{background:#fff}section{box-shadow:none;break-inside:avoid}}
`;
