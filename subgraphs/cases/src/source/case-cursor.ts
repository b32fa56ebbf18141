// The opaque `after` cursor of an applicant's case list: base64url of the sort key
// [acceptance time, case number]. The time is PostgreSQL's own microsecond text (UTC),
// not a JS Date, so a page boundary never falls between two cases of the same millisecond;
// a case without an acceptance time sorts last, keyed "-infinity".

export interface CaseCursor {
  /** "YYYY-MM-DDTHH:MM:SS.ffffffZ" or "-infinity". */
  acceptedAt: string;
  number: string;
}

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

export function encodeCaseCursor(cursor: CaseCursor): string {
  return Buffer.from(JSON.stringify([cursor.acceptedAt, cursor.number]), "utf8").toString("base64url");
}

/** null when the text is not a cursor this service issued. */
export function decodeCaseCursor(raw: string): CaseCursor | null {
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(raw)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(raw, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== 2) return null;
  const [acceptedAt, number] = parsed as unknown[];
  if (typeof acceptedAt !== "string" || typeof number !== "string") return null;
  if (number.length === 0 || number.length > 32) return null;
  if (acceptedAt !== "-infinity" && !(TIMESTAMP.test(acceptedAt) && !Number.isNaN(Date.parse(acceptedAt)))) return null;
  return { acceptedAt, number };
}
