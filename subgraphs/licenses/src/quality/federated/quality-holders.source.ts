// The licence silo's side of X_HOLDER_UNREGISTERED, X_HOLDER_NAME and X_DECEASED_VALID:
// the holders of licences held under an ID number (code type 111), one keyset page of
// distinct holder codes at a time, and — per batch of holders — their licences, judged
// against the registry's facts the gateway hands over (see holder-check.ts).
//
// "Held under a well-formed ID number": czztdmlx 111 and a czztdm that passes GB 11643 on
// the report day (what LIC_HOLDER_ID does not find). It is judged here, where the code is
// read: the steward's answer carries ID numbers masked. A code is compared trimmed and
// upper-cased (the X of GB 11643), as every holder key in this subgraph is; the two
// spellings of one code (…X, …x) are one holder, never split across pages or partitions.
import { HolderCodeType, LicenseStatus, normalizeIdNumber, validateIdNumber, type Silo } from "@onceonly/shared";

export interface HolderPage {
  /** Normalised ID numbers of well-formed holders, in code order. */
  holders: string[];
  /** The last code the page read (well-formed or not); null when it read none. */
  lastKey: string | null;
  hasNextPage: boolean;
}

export interface HolderLicence {
  id: string;
  holderName: string | null;
  /** zzzt trimmed. */
  status: string | null;
}

/** A partition's range of holder codes: lo ≤ code < hi (null: no bound). */
export interface HolderRange {
  lo: string | null;
  hi: string | null;
}

const ID_NUMBER_TYPE = HolderCodeType.encode("ID_NUMBER");
export const VALID_STATUS = LicenseStatus.encode("VALID");

export class QualityHoldersSource {
  constructor(private readonly silo: Silo) {}

  /** The page after `after` (exclusive) within the range; the range's start when after is null. */
  async page(asOf: string, after: string | null, first: number, range: HolderRange): Promise<HolderPage> {
    // czztdmlx is varchar(3): '111' with spaces around it cannot be stored, so plain
    // equality is btrim()'s answer — and lets the planner walk the holder index in order.
    const params: unknown[] = [ID_NUMBER_TYPE, first + 1];
    const where = ["x.czztdmlx = $1"];
    if (after !== null) where.push(`x.czztdm > $${params.push(after)}`);
    else where.push(range.lo === null ? "x.czztdm > ''" : `x.czztdm >= $${params.push(range.lo)}`);
    if (range.hi !== null) where.push(`x.czztdm < $${params.push(range.hi)}`);
    const rows = await this.silo.query<{ czztdm: string }>(`SELECT DISTINCT x.czztdm FROM dzzz_zzxx x WHERE ${where.join(" AND ")} ORDER BY x.czztdm LIMIT $2`, params);
    const hasNextPage = rows.length > first;
    const read = rows.slice(0, first).map((r) => r.czztdm);
    // The other spelling of the page's last code is this page's too (a code differs from its twin only in its last character).
    if (hasNextPage && normalizeIdNumber(rows[first].czztdm) === normalizeIdNumber(read[read.length - 1])) read.push(rows[first].czztdm);
    const today = new Date(`${asOf}T00:00:00Z`);
    const holders: string[] = [];
    for (const code of read) {
      const id = normalizeIdNumber(code);
      if (holders[holders.length - 1] !== id && validateIdNumber(id, today).ok) holders.push(id);
    }
    return { holders, lastKey: read.length ? read[read.length - 1] : null, hasNextPage };
  }

  /**
   * Partition `part` of `parts` of the holder codes: ranges of about the same number of
   * licences, their bounds read off the holder index. A bound is written with an upper-case
   * X, so both spellings of a code (…X < …x, adjacent in the index) fall on one side of it.
   * null: the partition is empty (no codes at all).
   */
  async range(part: number, parts: number): Promise<HolderRange | null> {
    if (parts === 1) return { lo: null, hi: null };
    // Bounds need only balance the partitions, not count exactly: every holder code, of
    // whatever type, read off the index alone (no table rows), is close enough.
    const [{ n }] = await this.silo.query<{ n: string }>("SELECT count(x.czztdm) AS n FROM dzzz_zzxx x WHERE x.czztdm > ''");
    const bound = async (k: number): Promise<string | null> => {
      if (k === 0 || k === parts) return null;
      const rows = await this.silo.query<{ czztdm: string }>(
        "SELECT x.czztdm FROM dzzz_zzxx x WHERE x.czztdm > '' ORDER BY x.czztdm OFFSET $1 LIMIT 1",
        [Math.floor((Number(n) * k) / parts)],
      );
      const code = rows[0]?.czztdm ?? null;
      return code !== null && code.endsWith("x") ? `${code.slice(0, -1)}X` : code;
    };
    if (Number(n) === 0) return part === 0 ? { lo: null, hi: null } : null;
    const [lo, hi] = await Promise.all([bound(part), bound(part + 1)]);
    return { lo, hi };
  }

  /** Licences held under an ID number (well-formed or not): the progress bar's total. */
  async countLicences(): Promise<number> {
    const rows = await this.silo.query<{ n: string }>("SELECT count(*) AS n FROM dzzz_zzxx x WHERE x.czztdmlx = $1", [ID_NUMBER_TYPE]);
    return Number(rows[0]?.n ?? 0);
  }

  /** Each holder's licences held under an ID number (code type 111), in identifier order; one statement. */
  async licencesOf(holders: readonly string[]): Promise<HolderLicence[][]> {
    const codes = holders.flatMap((id) => (id.endsWith("X") ? [id, `${id.slice(0, -1)}x`] : [id]));
    const rows = await this.silo.query<{ czztdm: string; zzbs: string; czzt: string | null; zzzt: string | null }>(
      "SELECT x.czztdm, x.zzbs, x.czzt, btrim(x.zzzt) AS zzzt FROM dzzz_zzxx x WHERE x.czztdm = ANY($1) AND x.czztdmlx = $2 ORDER BY x.zzbs",
      [codes, ID_NUMBER_TYPE],
    );
    const byHolder = new Map<string, HolderLicence[]>(holders.map((id) => [id, []]));
    for (const row of rows) byHolder.get(normalizeIdNumber(row.czztdm))?.push({ id: row.zzbs, holderName: row.czzt, status: row.zzzt });
    return holders.map((id) => byHolder.get(id) ?? []);
  }
}
