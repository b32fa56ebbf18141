// Number and time formats of the HTML report (both languages share them).

/** 1234567 → "1,234,567" (no locale data needed). */
export function count(n: number): string {
  return String(Math.round(n)).replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

export function score(s: number | null): string {
  return s === null ? "—" : s.toFixed(1);
}

export function rate(r: number | null): string {
  if (r === null) return "—";
  if (r === 0) return "0%";
  if (r < 0.0001) return "<0.01%";
  return `${(r * 100).toFixed(2)}%`;
}

/** +3, −2, ±0; "—" when there is nothing to compare. */
export function signed(n: number | null, digits = 0): string {
  if (n === null) return "—";
  const rounded = Number(n.toFixed(digits));
  if (rounded === 0) return "±0";
  return `${rounded > 0 ? "+" : "−"}${Math.abs(rounded).toFixed(digits)}`;
}

/** An ISO instant as China time: "2025-06-01 16:30:05". */
export function chinaTime(iso: string): string {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

export function duration(ms: number): { zh: string; en: string } {
  const s = Math.round(ms / 1000);
  if (s < 60) return { zh: `${s} 秒`, en: `${s} s` };
  const m = Math.floor(s / 60);
  return { zh: `${m} 分 ${s % 60} 秒`, en: `${m} min ${s % 60} s` };
}
