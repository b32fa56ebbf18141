// The case silo's side of the cross-silo quality checks, one keyset page at a time:
// - the person applicants (sp_bj.sqrzjhm of cases with sqrlx 1) whose ID number is
//   well-formed (GB 11643 valid on the report day), in code order, and per batch of them
//   their cases, for X_APPLICANT_UNREGISTERED. Well-formedness is judged here, where the
//   code is read: the steward's answer carries ID numbers masked, and a malformed one is
//   CASE_APPLICANT_CODE's finding, not this check's. A code is compared trimmed and
//   upper-cased (the X of GB 11643), as the applicant key is everywhere in this subgraph;
//   the two spellings of one code (…X, …x) are one applicant, never split across pages.
// - materials handed over on paper or by upload whose catalogue entry (sp_sxcl of the
//   case's matter) names a licence type, in (case number, material code) order, with what
//   the licence library needs to say whether the applicant held one (X_ELICENSE_NOT_USED).
import { ApplicantKind, formatChinaDay, normalizeIdNumber, SubmissionMethod, validateIdNumber, type Silo } from "@onceonly/shared";

export interface ApplicantPage {
  /** Normalised ID numbers of well-formed person applicants, in code order. */
  applicants: string[];
  /** The last code the page read (well-formed or not); null when it read none. */
  lastKey: string | null;
  hasNextPage: boolean;
}

/** A partition's range of applicant codes: lo ≤ code < hi (null: no bound). */
export interface CodeRange {
  lo: string | null;
  hi: string | null;
}

export interface HandedOverMaterial {
  caseNumber: string;
  materialCode: string;
  method: "PAPER" | "UPLOAD";
  /** sp_sxcl.zzlxdm of the case's matter, trimmed. */
  licenseTypeCode: string;
  /** sp_bj.sqrzjhm, trimmed and upper-cased; null when empty. */
  applicantCode: string | null;
  /** slsj's day in China; null when the case has no acceptance time. */
  acceptedOn: string | null;
}

export interface HandedOverMaterialsPage {
  materials: HandedOverMaterial[];
  hasNextPage: boolean;
}

const PERSON = ApplicantKind.encode("PERSON");
const PAPER = SubmissionMethod.encode("PAPER");
const UPLOAD = SubmissionMethod.encode("UPLOAD");

// The code columns compared here are varchar(1) (sqrlx, tjfs): a code with spaces around
// it cannot be stored, so plain equality is btrim()'s answer — and keeps the planner on
// the key index, in key order, instead of sorting the whole table for every page.
//
// Only materials whose catalogue entry names a licence type: an empty zzlxdm names none.
// The case and the catalogue entry are looked up per material (LATERAL … OFFSET 0 keeps
// them lookups): a join would make the planner scan sp_bj from its start for every page.
const MATERIALS_FROM = `
  FROM sp_bjcl m
  CROSS JOIN LATERAL (SELECT x.sxbm, x.sqrzjhm, x.slsj FROM sp_bj x WHERE x.bjbh = m.bjbh OFFSET 0) b
  CROSS JOIN LATERAL (SELECT btrim(y.zzlxdm) AS zzlxdm FROM sp_sxcl y WHERE y.sxbm = b.sxbm AND y.clbm = m.clbm AND btrim(y.zzlxdm) <> '' OFFSET 0) c
 WHERE m.tjfs IN ($1, $2)`;

export class QualityCasesSource {
  constructor(private readonly silo: Silo) {}

  /** The page after `after` (exclusive) within the range; the range's start when after is null. */
  async applicants(asOf: string, after: string | null, first: number, range: CodeRange): Promise<ApplicantPage> {
    const params: unknown[] = [PERSON, first + 1];
    const where = ["b.sqrlx = $1"];
    if (after !== null) where.push(`b.sqrzjhm > $${params.push(after)}`);
    else where.push(range.lo === null ? "b.sqrzjhm > ''" : `b.sqrzjhm >= $${params.push(range.lo)}`);
    if (range.hi !== null) where.push(`b.sqrzjhm < $${params.push(range.hi)}`);
    const rows = await this.silo.query<{ sqrzjhm: string }>(`SELECT DISTINCT b.sqrzjhm FROM sp_bj b WHERE ${where.join(" AND ")} ORDER BY b.sqrzjhm LIMIT $2`, params);
    const hasNextPage = rows.length > first;
    const read = rows.slice(0, first).map((r) => r.sqrzjhm);
    // The other spelling of the page's last code is this page's too (they differ only in the last character).
    if (hasNextPage && normalizeIdNumber(rows[first].sqrzjhm) === normalizeIdNumber(read[read.length - 1])) read.push(rows[first].sqrzjhm);
    const today = new Date(`${asOf}T00:00:00Z`);
    const applicants: string[] = [];
    for (const code of read) {
      const id = normalizeIdNumber(code);
      if (applicants[applicants.length - 1] !== id && validateIdNumber(id, today).ok) applicants.push(id);
    }
    return { applicants, lastKey: read.length ? read[read.length - 1] : null, hasNextPage };
  }

  /**
   * Partition `part` of `parts` of the applicant codes: ranges of about the same number of
   * cases, their bounds read off the applicant index (all cases: they need only balance the
   * partitions). A bound is written with an upper-case X, so both spellings of a code fall
   * on one side of it. null: the partition is empty.
   */
  async applicantRange(part: number, parts: number): Promise<CodeRange | null> {
    if (parts === 1) return { lo: null, hi: null };
    const [{ n: all }] = await this.silo.query<{ n: string }>("SELECT count(b.sqrzjhm) AS n FROM sp_bj b WHERE b.sqrzjhm > ''");
    const n = Number(all);
    if (n === 0) return part === 0 ? { lo: null, hi: null } : null;
    const bound = async (k: number): Promise<string | null> => {
      if (k === 0 || k === parts) return null;
      const rows = await this.silo.query<{ sqrzjhm: string }>("SELECT b.sqrzjhm FROM sp_bj b WHERE b.sqrzjhm > '' ORDER BY b.sqrzjhm OFFSET $1 LIMIT 1", [Math.floor((n * k) / parts)]);
      const code = rows[0]?.sqrzjhm ?? null;
      return code !== null && code.endsWith("x") ? `${code.slice(0, -1)}X` : code;
    };
    const [lo, hi] = await Promise.all([bound(part), bound(part + 1)]);
    return { lo, hi };
  }

  /** Cases of person applicants, well-formed ID number or not: the progress bar's total. */
  async countPersonCases(): Promise<number> {
    const rows = await this.silo.query<{ n: string }>("SELECT count(*) AS n FROM sp_bj b WHERE b.sqrlx = $1", [PERSON]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Each applicant's cases as a person (sqrlx 1), case numbers in order; one statement. */
  async casesOf(applicants: readonly string[]): Promise<string[][]> {
    const codes = applicants.flatMap((id) => (id.endsWith("X") ? [id, `${id.slice(0, -1)}x`] : [id]));
    const rows = await this.silo.query<{ sqrzjhm: string; bjbh: string }>(
      "SELECT b.sqrzjhm, b.bjbh FROM sp_bj b WHERE b.sqrzjhm = ANY($1) AND b.sqrlx = $2 ORDER BY b.bjbh",
      [codes, PERSON],
    );
    const byApplicant = new Map<string, string[]>(applicants.map((id) => [id, []]));
    for (const row of rows) byApplicant.get(normalizeIdNumber(row.sqrzjhm))?.push(row.bjbh);
    return applicants.map((id) => byApplicant.get(id) ?? []);
  }

  async handedOverMaterials(after: readonly [string, string] | null, first: number): Promise<HandedOverMaterialsPage> {
    const columns = "SELECT m.bjbh, m.clbm, m.tjfs, c.zzlxdm, b.sqrzjhm, b.slsj";
    const rows = await this.silo.query<{ bjbh: string; clbm: string; tjfs: string; zzlxdm: string; sqrzjhm: string | null; slsj: Date | null }>(
      after === null
        ? `${columns} ${MATERIALS_FROM} ORDER BY m.bjbh, m.clbm LIMIT $3`
        : `${columns} ${MATERIALS_FROM} AND (m.bjbh, m.clbm) > ($4, $5) ORDER BY m.bjbh, m.clbm LIMIT $3`,
      after === null ? [PAPER, UPLOAD, first + 1] : [PAPER, UPLOAD, first + 1, after[0], after[1]],
    );
    const hasNextPage = rows.length > first;
    const materials = (hasNextPage ? rows.slice(0, first) : rows).map((row): HandedOverMaterial => ({
      caseNumber: row.bjbh,
      materialCode: row.clbm,
      method: row.tjfs === PAPER ? "PAPER" : "UPLOAD",
      licenseTypeCode: row.zzlxdm,
      applicantCode: row.sqrzjhm?.trim().toUpperCase() || null,
      acceptedOn: row.slsj === null ? null : formatChinaDay(row.slsj),
    }));
    return { materials, hasNextPage };
  }

  async countHandedOverMaterials(): Promise<number> {
    const rows = await this.silo.query<{ n: string }>(`SELECT count(*) AS n ${MATERIALS_FROM}`, [PAPER, UPLOAD]);
    return Number(rows[0]?.n ?? 0);
  }
}
