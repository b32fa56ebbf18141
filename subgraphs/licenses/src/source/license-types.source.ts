// Licence types (dzzz_zzlx): the catalogue every licence points into.
import { HolderKind, type Silo } from "@onceonly/shared";
import type { LicenseTypeRecord } from "./records.js";

type LicenseTypeRow = {
  zzlxdm: string;
  zzlxmc: string;
  dybm: string | null;
  czztlb: string | null;
};

const COLUMNS = "zzlxdm, zzlxmc, dybm, czztlb";

export class LicenseTypesSource {
  constructor(private readonly silo: Silo) {}

  async byCodes(codes: readonly string[]): Promise<(LicenseTypeRecord | null)[]> {
    const rows = await this.silo.query<LicenseTypeRow>(`SELECT ${COLUMNS} FROM dzzz_zzlx WHERE zzlxdm = ANY($1)`, [codes]);
    const byCode = new Map(rows.map((row) => [row.zzlxdm, toLicenseType(row)]));
    return codes.map((code) => byCode.get(code) ?? null);
  }

  async all(): Promise<LicenseTypeRecord[]> {
    const rows = await this.silo.query<LicenseTypeRow>(`SELECT ${COLUMNS} FROM dzzz_zzlx ORDER BY zzlxdm`);
    return rows.map(toLicenseType);
  }
}

function toLicenseType(row: LicenseTypeRow): LicenseTypeRecord {
  return {
    code: row.zzlxdm,
    name: row.zzlxmc,
    department: row.dybm,
    holderKind: HolderKind.decode(row.czztlb, { silo: "licenses", zzlxdm: row.zzlxdm, column: "czztlb" }),
  };
}
