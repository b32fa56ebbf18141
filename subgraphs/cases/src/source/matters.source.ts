// The matter catalogue (事项目录 sp_sxml) and each matter's materials (事项材料 sp_sxcl).
import { ApplicantKind, MatterKind, UNRECOGNIZED, type Silo } from "@onceonly/shared";
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
  fwdx: string | null;
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

const MATTER_COLUMNS = "sxbm, sxmc, ssbm, fdsx, cnsx, bjlx, fwdx";

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

  /**
   * 一件事: the member matters of each bundle code, in case order (sp_yjs.xh); empty for an
   * ordinary matter. A member missing from the catalogue comes back with matter = null.
   */
  async membersByBundles(codes: readonly string[]): Promise<BundleMemberRecord[][]> {
    // LEFT JOIN: a member missing from the catalogue has every m column null (present = false).
    const rows = await this.silo.query<MatterRow & { zhsxbm: string; cysxbm: string; present: boolean }>(
      `SELECT y.zhsxbm, y.cysxbm, m.sxbm IS NOT NULL AS present, ${MATTER_COLUMNS.split(", ").map((c) => `m.${c}`).join(", ")}
         FROM sp_yjs y LEFT JOIN sp_sxml m ON m.sxbm = y.cysxbm
        WHERE y.zhsxbm = ANY($1::text[])
        ORDER BY y.zhsxbm, y.xh, y.cysxbm`,
      [[...codes]],
    );
    const members = rows.map((row) => ({ bundleCode: row.zhsxbm, code: row.cysxbm, matter: row.present ? toMatter(row) : null }));
    return alignMany(codes, members, (m) => m.bundleCode);
  }

  /** Which bundle material serves which member material (sp_yjscl), per bundle code. */
  async bundleMaterialsByBundles(codes: readonly string[]): Promise<BundleMaterialLink[][]> {
    const rows = await this.silo.query<{ zhsxbm: string; zhclbm: string; cysxbm: string; cyclbm: string }>(
      `SELECT zhsxbm, zhclbm, cysxbm, cyclbm FROM sp_yjscl WHERE zhsxbm = ANY($1::text[]) ORDER BY zhsxbm, cysxbm, cyclbm`,
      [[...codes]],
    );
    const links = rows.map((r) => ({ bundleCode: r.zhsxbm, bundleMaterial: r.zhclbm, memberCode: r.cysxbm, memberMaterial: r.cyclbm }));
    return alignMany(codes, links, (l) => l.bundleCode);
  }
}

export interface BundleMemberRecord {
  bundleCode: string;
  code: string;
  matter: MatterRecord | null;
}

export interface BundleMaterialLink {
  bundleCode: string;
  bundleMaterial: string;
  memberCode: string;
  memberMaterial: string;
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
    applicantKind: applicantKind(row),
  };
}

// Private: an unknown 服务对象 code restricts nothing (logged once by the code table).
function applicantKind(row: MatterRow): MatterRecord["applicantKind"] {
  const kind = ApplicantKind.decode(row.fwdx, { column: "sp_sxml.fwdx", sxbm: row.sxbm });
  return kind === UNRECOGNIZED ? null : kind;
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
