// Everything that reaches the HTML from data — keys, descriptions, labels, numbers — goes
// through esc(): text content and quoted attribute values alike (the renderer always
// double-quotes attributes). A silo key is data a department typed; it must never
// become markup.
const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

export function esc(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (c) => ENTITIES[c]);
}

/** Chinese and English side by side; the page's data-lang shows one (CSS). */
export function t(zh: string, en: string): string {
  return `<span class="zh" lang="zh-CN">${esc(zh)}</span><span class="en" lang="en">${esc(en)}</span>`;
}

/** The same for SVG: two <text> elements at one position, one of them hidden. */
export function svgText(x: number, y: number, zh: string, en: string, options: { anchor?: "start" | "middle" | "end"; cls?: string } = {}): string {
  const anchor = options.anchor ? ` text-anchor="${options.anchor}"` : "";
  const cls = options.cls ? ` ${esc(options.cls)}` : "";
  const at = `x="${x.toFixed(2)}" y="${y.toFixed(2)}"${anchor}`;
  return `<text class="zh${cls}" lang="zh-CN" ${at}>${esc(zh)}</text><text class="en${cls}" lang="en" ${at}>${esc(en)}</text>`;
}
