// The matter catalogue (事项目录 sp_sxml) and each matter's materials (事项材料 sp_sxcl).
import { MatterKind, type Silo } from "@onceonly/shared";
import { alignMany, alignOne } from "./key-order.js";
import type { MaterialRecord, MatterRecord } from "./records.js";
import { parseRegistryColumns } from "./registry-fields.js";

interface MatterRow {
  sxbm: string;
  sxmc: string;
  ssbm: string | null;
  fdsx: number | null;
  cnsx: number | null;
  bjlx: string | null;
  [column: string]: unknown;
}

interface MaterialRow {
  sxbm: string;
  clbm: string;
  clmc: string;
  zzlxdm: string | null;
  sjx: string | null;
  bx: string;
  yxcn: string;
  yxrq: string;
  [column: string]: unknown;
}

const MATTER_COLUMNS = "sxbm, sxmc, ssbm, fdsx, cnsx, bjlx";

export class MattersSource {
  constructor(private readonly silo: Silo) {}

  async byCodes(codes: readonly string[]): Promise<(MatterRecord | null)[]> {
    const rows = await this.silo.query<MatterRow>(`SELECT ${MATTER_COLUMNS} FROM sp_sxml WHERE sxbm = ANY($1::text[])`, [[...codes]]);
    return alignOne(codes, rows.map(toMatter), (m) => m.code);
  }

  async all(): Promise<MatterRecord[]> {
    const rows = await this.silo.query<MatterRow>(`SELECT ${MATTER_COLUMNS} FROM sp_sxml ORDER BY sxbm`);
    return rows.map(toMatter);
  }

  /** Materials per matter, in display order (xh), ties by material code. */
  async materialsByMatters(codes: readonly string[]): Promise<MaterialRecord[][]> {
    const rows = await this.silo.query<MaterialRow>(
      `SELECT sxbm, clbm, clmc, zzlxdm, sjx, bx, yxcn, yxrq FROM sp_sxcl WHERE sxbm = ANY($1::text[]) ORDER BY sxbm, xh, clbm`,
      [[...codes]],
    );
    return alignMany(codes, rows.map(toMaterial), (m) => m.matterCode);
  }

}

// Private: legacy row → record.
function toMatter(row: MatterRow): MatterRecord {
  return {
    code: row.sxbm,
    name: row.sxmc,
    department: row.ssbm,
    kind: MatterKind.decode(row.bjlx, { column: "sp_sxml.bjlx", sxbm: row.sxbm }),
    statutoryDays: row.fdsx,
    promisedDays: row.cnsx,
  };
}

// Private: bx is '1' required / '0' optional; anything else is read as required, the
// safer mistake at a window (asking for a material rather than silently waiving it).
function toMaterial(row: MaterialRow): MaterialRecord {
  return {
    matterCode: row.sxbm,
    code: row.clbm,
    name: row.clmc,
    licenseType: row.zzlxdm ? { code: row.zzlxdm.trim() } : null,
    registryFields: parseRegistryColumns(row.sjx, { column: "sp_sxcl.sjx", sxbm: row.sxbm, clbm: row.clbm }),
    required: row.bx?.trim() !== "0",
    // Only an explicit '1' allows either: waiving a material is never the default.
    commitmentAllowed: row.yxcn?.trim() === "1",
    deferralAllowed: row.yxrq?.trim() === "1",
  };
}
