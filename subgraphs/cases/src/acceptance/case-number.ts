// 办件编号 of a case accepted through OnceOnly: "SL" (受理) + the acceptance day in China
// time + 8 digits of the silo's sequence sp_bj_xh, e.g. SL2026112300000042. Demo and
// legacy cases carry their own numbers (region + date + …), which never start with SL.

const CHINA_OFFSET_MS = 8 * 3600 * 1000;

export function caseNumber(acceptedAt: Date, sequence: number): string {
  const day = new Date(acceptedAt.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10).replaceAll("-", "");
  return `SL${day}${String(sequence).padStart(8, "0")}`;
}
