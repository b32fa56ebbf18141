// One generated batch seen the way the spoils need it: rows by key, licences and cases by
// holder or applicant, and what this batch's spoils already touched. Everything here is
// about one batch (a few thousand persons) and is dropped with it.
import { BUNDLES } from "../bundles.js";
import { dayOf } from "../dates.js";
import { LICENSE_TYPES } from "../license-types.js";
import { MATTERS } from "../matters.js";
import { DEMO_COLUMNS, type DemoRow, type DemoRows, type DemoTable } from "../tables.js";
import { validateIdNumber } from "../../validators/id-number.js";
import { DEFECT_AS_OF } from "./types.js";

type Columns<T extends DemoTable> = Record<(typeof DEMO_COLUMNS)[T][number], number>;

function columns<T extends DemoTable>(table: T): Columns<T> {
  return Object.fromEntries(DEMO_COLUMNS[table].map((c, i) => [c, i])) as Columns<T>;
}

/** Column positions of the rows the spoils edit. */
export const P = columns("rk_jbxx");
export const L = columns("dzzz_zzxx");
export const C = columns("sp_bj");
export const M = columns("sp_bjcl");
const ZZSJ = columns("dzzz_zzsj");
const YZJL = columns("dzzz_yzjl");

export const AS_OF_DAY = dayOf(DEFECT_AS_OF);
const AS_OF_DATE = new Date(`${DEFECT_AS_OF}T00:00:00Z`);

/** Catalogue: "sxbm/clbm" → the licence type code that satisfies the material (reference data). */
const LICENCE_TYPE_OF = new Map<string, string>();
for (const m of [...MATTERS, ...BUNDLES]) {
  for (const c of m.materials) {
    if (c.licenseType) LICENCE_TYPE_OF.set(`${m.code}/${c.code}`, LICENSE_TYPES.find((t) => t.key === c.licenseType)!.code);
  }
}

export function materialLicenceType(matterCode: string, materialCode: string): string | undefined {
  return LICENCE_TYPE_OF.get(`${matterCode}/${materialCode}`);
}

export function isValidIdNumber(value: unknown): boolean {
  return typeof value === "string" && validateIdNumber(value, AS_OF_DATE).ok;
}

const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
};

export class BatchIndex {
  /** Current persons (zxrq empty). */
  readonly persons: DemoRow[] = [];
  readonly personById = new Map<string, DemoRow>();
  readonly deceased = new Set<string>();
  /** Household → its current members. */
  readonly members = new Map<string, DemoRow[]>();
  readonly licences: DemoRow[];
  readonly licencesOf = new Map<string, DemoRow[]>();
  readonly licenceById = new Map<string, DemoRow>();
  readonly cases: DemoRow[];
  readonly casesOf = new Map<string, DemoRow[]>();
  readonly caseById = new Map<string, DemoRow>();

  /** Rows a spoil already changed or depends on: never spoiled twice. */
  private readonly used = new Set<DemoRow>();
  /** Households whose member list a spoil depends on (no head, a duplicate, a member moved out). */
  private readonly usedHouseholds = new Set<string>();

  constructor(readonly rows: DemoRows) {
    for (const p of rows.rk_jbxx) {
      const id = p[P.gmsfhm] as string;
      if (p[P.swbs] === "1") this.deceased.add(id);
      if (p[P.zxrq] !== null) continue;
      this.persons.push(p);
      this.personById.set(id, p);
      push(this.members, p[P.hh] as string, p);
    }
    this.licences = rows.dzzz_zzxx;
    for (const l of this.licences) {
      push(this.licencesOf, l[L.czztdm] as string, l);
      this.licenceById.set(l[L.zzbs] as string, l);
    }
    this.cases = rows.sp_bj;
    for (const c of this.cases) {
      push(this.casesOf, c[C.sqrzjhm] as string, c);
      this.caseById.set(c[C.bjbh] as string, c);
    }
  }

  isUsed(...rows: DemoRow[]): boolean {
    return rows.some((r) => this.used.has(r));
  }

  use(...rows: DemoRow[]): void {
    for (const r of rows) this.used.add(r);
  }

  householdUsed(hh: string): boolean {
    return this.usedHouseholds.has(hh);
  }

  useHousehold(hh: string): void {
    this.usedHouseholds.add(hh);
  }

  /** The current head (与户主关系 02) of a household, if any. */
  head(hh: string): DemoRow | undefined {
    return this.members.get(hh)?.find((p) => p[P.yhzgx] === "02");
  }

  private materialsByCase?: Map<string, DemoRow[]>;

  materials(bjbh: string): DemoRow[] {
    if (!this.materialsByCase) {
      this.materialsByCase = new Map();
      for (const m of this.rows.sp_bjcl) push(this.materialsByCase, m[M.bjbh] as string, m);
    }
    return this.materialsByCase.get(bjbh) ?? [];
  }

  private readonly renamed = new Map<string, string>();
  private readonly uncited = new Set<string>();

  /** Gives a licence a new identifier; finish() renames it wherever it is named (items, usage, materials). */
  renameLicence(licence: DemoRow, to: string): void {
    this.renamed.set(licence[L.zzbs] as string, to);
    licence[L.zzbs] = to;
  }

  /** finish() drops the usage record (调取) a material left when it cited the licence. */
  dropUsage(zzbs: string, bjbh: string): void {
    this.uncited.add(`${zzbs}/${bjbh}`);
  }

  /** Applies renames and drops in one pass over the batch; call once, after the last spoil. */
  finish(): void {
    const to = (v: unknown) => this.renamed.get(v as string);
    if (this.renamed.size > 0) {
      for (const r of this.rows.dzzz_zzsj) r[ZZSJ.zzbs] = to(r[ZZSJ.zzbs]) ?? r[ZZSJ.zzbs];
      for (const r of this.rows.sp_bjcl) if (r[M.zzbs] !== null) r[M.zzbs] = to(r[M.zzbs]) ?? r[M.zzbs];
    }
    if (this.renamed.size > 0 || this.uncited.size > 0) {
      this.rows.dzzz_yzjl = this.rows.dzzz_yzjl.filter((r) => !this.uncited.has(`${r[YZJL.zzbs]}/${r[YZJL.bjbh]}`));
      for (const r of this.rows.dzzz_yzjl) r[YZJL.zzbs] = to(r[YZJL.zzbs]) ?? r[YZJL.zzbs];
    }
  }
}
