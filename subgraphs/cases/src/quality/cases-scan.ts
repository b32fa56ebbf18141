// The case silo's scan of its own silo (the CASE_* rules), one bounded page per call: a
// single phase, a keyset walk over sp_bj by bjbh (`WHERE bjbh > $3 ORDER BY bjbh LIMIT
// $1`) with every rule evaluated per row (case-rules.ts). No CASE_* rule is set-based.
import {
  chinaDayStart,
  idNumberToday,
  queryInKeyOrder,
  runScanPage,
  type PhasePage,
  type QualityScanPageType,
  type ScanArguments,
  type ScanPhase,
  type Silo,
} from "@onceonly/shared";
import { CASE_SCAN_COLUMNS, checkCase, type CaseScanRow } from "./case-rules.js";

export class CasesQualityScan {
  private readonly phases: readonly ScanPhase[];

  constructor(private readonly silo: Silo) {
    this.phases = [{ name: "cases", read: (page) => this.cases(page) }];
  }

  page(args: ScanArguments): Promise<QualityScanPageType> {
    return runScanPage("cases", this.phases, args);
  }

  private async cases({ after, limit, asOf, tally }: PhasePage) {
    const dayStart = chinaDayStart(asOf).toISOString();
    const rows = await queryInKeyOrder<CaseScanRow>(
      this.silo,
      `SELECT ${CASE_SCAN_COLUMNS} FROM sp_bj
        ${after === null ? "" : "WHERE bjbh > $3"}
        ORDER BY bjbh LIMIT $1`,
      after === null ? [limit, dayStart] : [limit, dayStart, after],
    );
    const today = idNumberToday(asOf);
    for (const row of rows) checkCase(row, today, tally);
    return { read: rows.length, lastKey: rows.at(-1)?.bjbh ?? null };
  }
}
