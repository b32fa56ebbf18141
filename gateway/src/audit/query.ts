// Reading the log back, newest first, one page at a time. Keyset pagination on seq (the
// cursor is the last seq seen), so page 1000 costs what page 1 does and records appended
// meanwhile never shift a page. Filters map onto the indexes of the migration.
import type { Queryable } from "@onceonly/shared";
import { RECORD_COLUMNS, rowToRecord, type AuditRecord, type AuditRow } from "./record.js";

export const MAX_AUDIT_PAGE = 500;

export interface AuditQuery {
  /** Only records that read this subject (ID number). */
  subject?: string | null;
  /** Only records of this window. */
  window?: string | null;
  /** at >= from. */
  from?: Date | null;
  /** at < to. */
  to?: Date | null;
  /** Page size, 1 to MAX_AUDIT_PAGE. */
  first: number;
  /** Only records older (lower seq) than this one: the previous page's last seq. */
  beforeSeq?: number | null;
}

export interface AuditRecordPage {
  /** Newest (highest seq) first. */
  records: AuditRecord[];
  hasNextPage: boolean;
}

/** Reads pages of the log; what the audit subgraph needs from the opened log. */
export interface AuditReader {
  records(query: AuditQuery): Promise<AuditRecordPage>;
}

export async function queryAuditRecords(db: Queryable, query: AuditQuery): Promise<AuditRecordPage> {
  if (!Number.isInteger(query.first) || query.first < 1 || query.first > MAX_AUDIT_PAGE) {
    throw new RangeError(`first ${query.first} must be an integer from 1 to ${MAX_AUDIT_PAGE}`);
  }
  const where: string[] = [];
  const params: unknown[] = [];
  const param = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  if (query.subject) where.push(`subjects @> ARRAY[${param(query.subject)}::text]`);
  if (query.window) where.push(`window_id = ${param(query.window)}`);
  if (query.from) where.push(`at >= ${param(query.from.toISOString())}::timestamptz`);
  if (query.to) where.push(`at < ${param(query.to.toISOString())}::timestamptz`);
  if (query.beforeSeq !== null && query.beforeSeq !== undefined) where.push(`seq < ${param(query.beforeSeq)}::bigint`);
  // One row more than asked: whether there is a next page, without a count.
  const limit = param(query.first + 1);
  const rows = await db.query<AuditRow>(
    `SELECT ${RECORD_COLUMNS.join(", ")} FROM audit_log ${where.length ? `WHERE ${where.join(" AND ")}` : ""} ORDER BY seq DESC LIMIT ${limit}`,
    params,
  );
  return { records: rows.slice(0, query.first).map(rowToRecord), hasNextPage: rows.length > query.first };
}
