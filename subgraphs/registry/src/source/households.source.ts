// Households from rk_hxx (户信息). 户号 is the table's primary key, so unlike persons
// there is one row per key.
import { HouseholdType, Region, type Silo } from "@onceonly/shared";
import type { HouseholdRecord } from "./records.js";

interface RkHxxRow extends Record<string, unknown> {
  hh: string;
  hlx: string | null;
  zz: string | null;
  ssxq: string | null;
  gxsj: Date | null;
}

export class HouseholdsSource {
  constructor(private readonly silo: Silo) {}

  /** One result per key, in key order; null where the registry has no such household. */
  async byNumbers(numbers: readonly string[]): Promise<(HouseholdRecord | null)[]> {
    const rows = await this.silo.query<RkHxxRow>(
      "SELECT hh, hlx, zz, ssxq, gxsj FROM rk_hxx WHERE hh = ANY($1::text[])",
      [numbers],
    );
    const byNumber = new Map(rows.map((row) => [row.hh, toHousehold(row)]));
    return numbers.map((n) => byNumber.get(n) ?? null);
  }
}

// Private: legacy columns and codes → the clean record.
function toHousehold(row: RkHxxRow): HouseholdRecord {
  return {
    number: row.hh,
    type: HouseholdType.decode(row.hlx, { silo: "registry", table: "rk_hxx", hh: row.hh }),
    address: row.zz,
    region: Region.of(row.ssxq?.trim()),
    updatedAt: row.gxsj,
  };
}
