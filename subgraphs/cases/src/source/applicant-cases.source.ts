// One applicant's cases, newest first, a page at a time — read for a whole batch of
// applicants in ONE statement. Window functions apply the page per applicant:
// `total` counts every case matching the status filter, `skipped` how many sort before
// the cursor, `rn` the position; rows past the page are never returned. Each applicant's
// newest row (rn = 1) always comes back so its total survives a cursor past its last page.
import { CaseStatus, UNRECOGNIZED, type Silo } from "@onceonly/shared";
import { encodeCaseCursor, type CaseCursor } from "./case-cursor.js";
import { CASE_COLUMNS, toCase, type CaseRow } from "./case-row.js";
import { alignMany } from "./key-order.js";
import type { CasePage, CaseStatusValue } from "./records.js";

export interface ApplicantCasesQuery {
  /** null or empty: every status. UNRECOGNIZED selects codes outside the status table. */
  statuses: readonly CaseStatusValue[] | null;
  first: number;
  after: CaseCursor | null;
}

interface PagedRow extends CaseRow {
  sort_at: string;
  on_page: boolean;
  total: number;
  skipped: number;
  rn: number;
}

const SORT_KEY = "coalesce(b.slsj, '-infinity'::timestamptz)";

// Applicants are keyed by sqrzjhm alone: ID numbers (GB 11643) and credit codes (GB 32100)
// cannot collide, since a credit code's positions 3-8 are a region code and an ID number's
// are not.
const SQL = `
WITH matching AS (
  SELECT ${CASE_COLUMNS},
         coalesce(to_char(b.slsj AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), '-infinity') AS sort_at,
         ($3::timestamptz IS NULL OR (${SORT_KEY}, b.bjbh) < ($3::timestamptz, $4::text)) AS on_page,
         count(*) OVER (PARTITION BY b.sqrzjhm) AS total,
         row_number() OVER (PARTITION BY b.sqrzjhm ORDER BY ${SORT_KEY} DESC, b.bjbh DESC) AS rn
    FROM sp_bj b
   WHERE b.sqrzjhm = ANY($1::text[])
     AND ($2::text[] IS NULL OR b.zt = ANY($2::text[]) OR ($5::boolean AND b.zt <> ALL($6::text[])))
), counted AS (
  SELECT m.*, count(*) FILTER (WHERE NOT m.on_page) OVER (PARTITION BY m.sqrzjhm) AS skipped
    FROM matching m
)
SELECT * FROM counted
 WHERE (on_page AND rn <= skipped + $7::int) OR rn = 1
 ORDER BY sqrzjhm, rn`;

export class ApplicantCasesSource {
  constructor(private readonly silo: Silo) {}

  async byApplicants(ids: readonly string[], query: ApplicantCasesQuery): Promise<CasePage[]> {
    const statuses = query.statuses?.length ? query.statuses : null;
    const known = statuses?.filter((s) => s !== UNRECOGNIZED).map((s) => CaseStatus.encode(s)) ?? null;
    const rows = await this.silo.query<PagedRow>(SQL, [
      [...ids],
      known,
      query.after?.acceptedAt ?? null,
      query.after?.number ?? null,
      statuses?.includes(UNRECOGNIZED) ?? false,
      CaseStatus.entries.map((e) => e.code),
      query.first + 1, // one more than asked tells whether a next page exists
    ]);
    return alignMany(ids, rows, (r) => r.sqrzjhm ?? "").map((applicantRows) => toPage(applicantRows, query.first));
  }
}

// Private: an applicant's rows (rn order) → its page.
function toPage(rows: PagedRow[], first: number): CasePage {
  const onPage = rows.filter((r) => r.on_page);
  const nodes = onPage.slice(0, first);
  const last = nodes[nodes.length - 1];
  return {
    nodes: nodes.map(toCase),
    totalCount: rows[0]?.total ?? 0,
    hasNextPage: onPage.length > first,
    endCursor: last ? encodeCaseCursor({ acceptedAt: last.sort_at, number: last.bjbh }) : null,
  };
}
