// The report's charts, drawn here as inline SVG (no script, no library, no font to load):
// department scorecard bars, dimension columns, and score lines over the history's runs.
// Every text goes through esc(); labels come in both languages (svgText).
import { DEPARTMENT_LABELS, QUALITY_DEPARTMENTS, type DepartmentScore, type DimensionScore, type QualityDepartment, type QualityReportSummary } from "@onceonly/shared";
import { esc, svgText } from "./escape.js";
import { score as formatScore } from "./format.js";

const WIDTH = 760;

/** Green from 95, amber from 85, red below: the bands a steward acts on. */
export function scoreColor(s: number | null): string {
  if (s === null) return "#b0bec5";
  return s >= 95 ? "#2e7d32" : s >= 85 ? "#ef8f00" : "#c62828";
}

export function departmentBars(departments: readonly DepartmentScore[]): string {
  const labelRight = 230, barX = 240, barW = 420, rowH = 40, top = 28;
  const height = top + departments.length * rowH + 8;
  const parts: string[] = [];
  for (const tick of [0, 25, 50, 75, 100]) {
    const x = barX + (barW * tick) / 100;
    parts.push(`<line class="grid" x1="${x}" y1="${top - 6}" x2="${x}" y2="${height - 8}"/><text class="tick" x="${x}" y="${top - 10}" text-anchor="middle">${tick}</text>`);
  }
  departments.forEach((d, i) => {
    const y = top + i * rowH;
    parts.push(svgText(labelRight, y + 16, d.zh, d.en, { anchor: "end", cls: "label" }));
    parts.push(`<rect class="track" x="${barX}" y="${y + 2}" width="${barW}" height="22" rx="3"/>`);
    if (d.score === null) {
      parts.push(svgText(barX + 8, y + 18, "无检查记录", "nothing checked", { cls: "muted" }));
    } else {
      const w = (barW * d.score) / 100;
      parts.push(`<rect class="bar" data-department="${esc(d.department)}" x="${barX}" y="${y + 2}" width="${w.toFixed(2)}" height="22" rx="3" fill="${scoreColor(d.score)}"><title>${esc(`${d.zh} ${d.en}: ${formatScore(d.score)}`)}</title></rect>`);
      parts.push(`<text class="value" x="${barX + barW + 8}" y="${y + 18}">${esc(formatScore(d.score))}</text>`);
    }
  });
  return svg("chart-departments", height, "部门评分", "Department scores", parts);
}

export function dimensionColumns(dimensions: readonly DimensionScore[]): string {
  const left = 44, top = 24, bottom = 230, height = 290, plotW = WIDTH - left - 16;
  const colW = plotW / dimensions.length, barW = Math.min(60, colW * 0.55);
  const y = (s: number) => bottom - ((bottom - top) * s) / 100;
  const parts: string[] = [];
  for (let tick = 0; tick <= 100; tick += 20) {
    parts.push(`<line class="grid" x1="${left}" y1="${y(tick)}" x2="${WIDTH - 16}" y2="${y(tick)}"/><text class="tick" x="${left - 6}" y="${y(tick) + 4}" text-anchor="end">${tick}</text>`);
  }
  dimensions.forEach((d, i) => {
    const cx = left + colW * i + colW / 2;
    if (d.score === null) {
      parts.push(svgText(cx, bottom - 8, "无检查记录", "nothing checked", { anchor: "middle", cls: "muted" }));
    } else {
      const top = y(d.score);
      parts.push(`<rect class="bar" data-dimension="${esc(d.dimension)}" x="${(cx - barW / 2).toFixed(2)}" y="${top.toFixed(2)}" width="${barW.toFixed(2)}" height="${(bottom - top).toFixed(2)}" rx="3" fill="${scoreColor(d.score)}"><title>${esc(`${d.zh} ${d.en}: ${formatScore(d.score)}`)}</title></rect>`);
      parts.push(`<text class="value" x="${cx}" y="${(top - 6).toFixed(2)}" text-anchor="middle">${esc(formatScore(d.score))}</text>`);
    }
    parts.push(svgText(cx, bottom + 22, d.zh, d.en, { anchor: "middle" }));
  });
  parts.push(`<line class="axis" x1="${left}" y1="${bottom}" x2="${WIDTH - 16}" y2="${bottom}"/>`);
  return svg("chart-dimensions", height, "维度评分", "Dimension scores", parts);
}

const SERIES_COLORS: Record<"overall" | QualityDepartment, string> = { overall: "#1a237e", registry: "#00838f", licenses: "#6a1b9a", cases: "#d84315" };

/** Score lines over `runs`, oldest first: the overall score and one line per department. */
export function trendLines(runs: readonly QualityReportSummary[]): string {
  const left = 44, right = WIDTH - 220, top = 20, bottom = 240, height = 300;
  const series: { key: "overall" | QualityDepartment; zh: string; en: string; values: (number | null)[] }[] = [
    { key: "overall", zh: "综合评分", en: "Overall", values: runs.map((r) => r.overall) },
    ...QUALITY_DEPARTMENTS.map((d) => ({ key: d, ...DEPARTMENT_LABELS[d], values: runs.map((r) => r.departments[d] ?? null) })),
  ];
  const all = series.flatMap((s) => s.values).filter((v): v is number => v !== null);
  // Scores sit near 100; a 0–100 axis would flatten every change into one line.
  const yLow = all.length === 0 ? 0 : Math.max(0, Math.min(90, Math.floor((Math.min(...all) - 0.5) / 10) * 10));
  const y = (s: number) => bottom - ((bottom - top) * (s - yLow)) / (100 - yLow);
  const x = (i: number) => (runs.length <= 1 ? (left + right) / 2 : left + ((right - left) * i) / (runs.length - 1));
  const parts: string[] = [];
  for (let k = 0; k <= 5; k++) {
    const tick = yLow + ((100 - yLow) * k) / 5;
    parts.push(`<line class="grid" x1="${left}" y1="${y(tick).toFixed(2)}" x2="${right}" y2="${y(tick).toFixed(2)}"/><text class="tick" x="${left - 6}" y="${(y(tick) + 4).toFixed(2)}" text-anchor="end">${esc(Number(tick.toFixed(1)))}</text>`);
  }
  const every = Math.max(1, Math.ceil(runs.length / 8));
  runs.forEach((run, i) => {
    if (i % every === 0 || i === runs.length - 1) {
      parts.push(`<text class="tick" x="${x(i).toFixed(2)}" y="${bottom + 18}" text-anchor="middle">${esc(run.asOf)}</text>`);
    }
  });
  parts.push(`<line class="axis" x1="${left}" y1="${bottom}" x2="${right}" y2="${bottom}"/>`);
  series.forEach((s, n) => {
    const color = SERIES_COLORS[s.key];
    const width = s.key === "overall" ? 3 : 2;
    // A run without a score breaks the line rather than drawing it to zero.
    for (const segment of segments(s.values)) {
      if (segment.length > 1) {
        const points = segment.map(([i, v]) => `${x(i).toFixed(2)},${y(v).toFixed(2)}`).join(" ");
        parts.push(`<polyline class="trend-line" data-series="${esc(s.key)}" points="${points}" fill="none" stroke="${color}" stroke-width="${width}" stroke-linejoin="round"/>`);
      }
      for (const [i, v] of segment) {
        parts.push(`<circle class="trend-point" cx="${x(i).toFixed(2)}" cy="${y(v).toFixed(2)}" r="${width + 1}" fill="${color}"><title>${esc(`${s.zh} ${s.en} ${runs[i].asOf}: ${formatScore(v)}`)}</title></circle>`);
      }
    }
    const ly = top + 10 + n * 24;
    parts.push(`<line x1="${right + 16}" y1="${ly - 4}" x2="${right + 40}" y2="${ly - 4}" stroke="${color}" stroke-width="${width}"/>`);
    parts.push(svgText(right + 46, ly, s.zh, s.en, { cls: "legend" }));
  });
  if (runs.length === 0) parts.push(svgText((left + right) / 2, (top + bottom) / 2, "暂无历史记录", "no history yet", { anchor: "middle", cls: "muted" }));
  return svg("chart-trend", height, "评分趋势", "Score trend", parts);
}

function segments(values: readonly (number | null)[]): [number, number][][] {
  const out: [number, number][][] = [];
  let current: [number, number][] = [];
  values.forEach((v, i) => {
    if (v === null) {
      if (current.length) out.push(current);
      current = [];
    } else current.push([i, v]);
  });
  if (current.length) out.push(current);
  return out;
}

function svg(id: string, height: number, zh: string, en: string, parts: string[]): string {
  return (
    `<svg id="${id}" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-labelledby="${id}-title" xmlns="http://www.w3.org/2000/svg">` +
    `<title id="${id}-title">${esc(`${zh} ${en}`)}</title>${parts.join("")}</svg>`
  );
}
