// The licence library's scan of its own silo (the LIC_* rules), one bounded page per call.
// Phases, each a keyset walk (`WHERE key > $2 ORDER BY key LIMIT $1`) over its own key:
//   licences    dzzz_zzxx by zzbs: the row rules in JS (license-rules.ts) and the
//               denominator of LIC_DUPLICATE_NUMBER;
//   duplicates  LIC_DUPLICATE_NUMBER's failures, keyset over (zzlxdm, zzbh): licences
//               with status 有效 whose number — as stored — another 有效 licence of the
//               type shares; every such licence is listed.
import {
  BadUserInputError,
  idNumberToday,
  queryInKeyOrder,
  runScanPage,
  textOf,
  type PhasePage,
  type QualityScanPageType,
  type ScanArguments,
  type ScanPhase,
  type Silo,
} from "@onceonly/shared";
import { checkLicense, LICENSE_SCAN_COLUMNS, VALID_STATUS, type LicenseScanRow } from "./license-rules.js";

export class LicensesQualityScan {
  private readonly phases: readonly ScanPhase[];

  constructor(private readonly silo: Silo) {
    this.phases = [
      { name: "licences", read: (page) => this.licences(page) },
      { name: "duplicates", read: (page) => this.duplicates(page) },
    ];
  }

  page(args: ScanArguments): Promise<QualityScanPageType> {
    return runScanPage("licenses", this.phases, args);
  }

  private async licences({ after, limit, asOf, tally }: PhasePage) {
    const rows = await queryInKeyOrder<LicenseScanRow>(
      this.silo,
      `SELECT ${LICENSE_SCAN_COLUMNS} FROM dzzz_zzxx
        ${after === null ? "" : "WHERE zzbs > $2"}
        ORDER BY zzbs LIMIT $1`,
      after === null ? [limit] : [limit, after],
    );
    const today = idNumberToday(asOf);
    for (const row of rows) checkLicense(row, asOf, today, tally);
    return { read: rows.length, lastKey: rows.at(-1)?.zzbs ?? null };
  }

  // Keyset over the numbers themselves, in two statements along the (zzlxdm, zzbh) index
  // rather than one aggregate joined back to the table (planned on a freshly loaded table
  // without statistics, such a join can become a nested loop over the whole table):
  // first the next `limit` (type, number) pairs held by more than one licence of any
  // status — from the index alone, no sort, no hash of every licence — then the licences
  // of just those pairs, of which the 有效 ones with a number are counted here. A pair's
  // licences always come in one page, so "each is listed" holds.
  private async duplicates({ after, limit, tally }: PhasePage) {
    const from = after === null ? null : decodePair(after);
    const pairs = await queryInKeyOrder<{ zzlxdm: string; zzbh: string }>(
      this.silo,
      `SELECT zzlxdm, zzbh FROM dzzz_zzxx
        WHERE zzbh IS NOT NULL${from === null ? "" : " AND (zzlxdm, zzbh) > ($2, $3)"}
        GROUP BY zzlxdm, zzbh HAVING count(*) > 1
        ORDER BY zzlxdm, zzbh LIMIT $1`,
      from === null ? [limit] : [limit, from[0], from[1]],
    );
    if (pairs.length === 0) return { read: 0, lastKey: null };
    const licences = await queryInKeyOrder<{ zzbs: string; zzlxdm: string; zzbh: string; zzzt: string | null }>(
      this.silo,
      `SELECT x.zzbs, x.zzlxdm, x.zzbh, x.zzzt
         FROM unnest($1::text[], $2::text[]) AS pair(zzlxdm, zzbh)
         JOIN dzzz_zzxx x ON x.zzlxdm = pair.zzlxdm AND x.zzbh = pair.zzbh`,
      [pairs.map((p) => p.zzlxdm), pairs.map((p) => p.zzbh)],
    );
    const valid = new Map<string, string[]>();
    for (const l of licences) {
      if (textOf(l.zzzt) !== VALID_STATUS || textOf(l.zzbh) === null) continue;
      const pair = encodePair(l.zzlxdm, l.zzbh);
      valid.set(pair, [...(valid.get(pair) ?? []), l.zzbs]);
    }
    for (const keys of valid.values()) if (keys.length > 1) for (const key of keys) tally.fail("LIC_DUPLICATE_NUMBER", key);
    const last = pairs.at(-1)!;
    return { read: pairs.length, lastKey: encodePair(last.zzlxdm, last.zzbh) };
  }
}

// Private: the duplicates phase's key is a (type, number) pair, carried in the cursor as JSON.
function encodePair(type: string, number: string): string {
  return JSON.stringify([type, number]);
}

function decodePair(key: string): [string, string] {
  let pair: unknown = null;
  try {
    pair = JSON.parse(key);
  } catch {
    // reported below
  }
  if (!Array.isArray(pair) || pair.length !== 2 || typeof pair[0] !== "string" || typeof pair[1] !== "string") {
    throw new BadUserInputError(`after: the cursor's key ${key} is not a (licence type, number) pair; pass a page's endCursor unchanged`, {
      argument: "after",
      rule: "cursor",
    });
  }
  return [pair[0], pair[1]];
}
