// The silo tables the demo writes, their columns in COPY order (as in the 001 migrations;
// serial keys and defaults are left to the database), and which silo holds each.

export type DemoValue = string | number | null;
export type DemoRow = DemoValue[];

export const DEMO_COLUMNS = {
  rk_hxx: ["hh", "hlx", "zz", "ssxq", "gxsj"],
  rk_jbxx: ["rkbh", "gmsfhm", "xm", "xb", "mz", "csrq", "hh", "yhzgx", "hyzk", "zz", "ssxq", "swbs", "zxrq", "gxsj"],
  dzzz_zzlx: ["zzlxdm", "zzlxmc", "dybm", "czztlb", "gxsj"],
  dzzz_zzxx: [
    "zzbs", "zzlxdm", "zzmc", "zzbh", "czzt", "czztdm", "czztdmlx", "zzbfjg", "zzbfjgdm",
    "zzbfrq", "zzyxqqsrq", "zzyxqjzrq", "zzzt", "gxsj",
  ],
  dzzz_zzsj: ["zzbs", "sjxbm", "sjxmc", "sjxz"],
  dzzz_yzjl: ["zzbs", "yzbm", "yzck", "sxbm", "bjbh", "yzmd", "yzfs", "yzsj"],
  sp_sxml: ["sxbm", "sxmc", "ssbm", "fdsx", "cnsx", "bjlx", "fwdx", "gxsj"],
  sp_sxcl: ["sxbm", "clbm", "clmc", "zzlxdm", "sjx", "bx", "xh", "yxcn", "yxrq"],
  sp_yjs: ["zhsxbm", "cysxbm", "xh"],
  sp_yjscl: ["zhsxbm", "zhclbm", "cysxbm", "cyclbm"],
  sp_bj: ["bjbh", "sxbm", "sqrzjhm", "sqrxm", "sqrlx", "slsj", "slck", "cnbjsj", "zt", "bjsj", "bjjg", "mydpj", "gxsj"],
  sp_bjcl: ["bjbh", "clbm", "tjfs", "zzbs"],
  sp_bjgc: ["bjbh", "zt", "clsj", "clck", "clr", "clyj"],
} as const satisfies Record<string, readonly string[]>;

export type DemoTable = keyof typeof DEMO_COLUMNS;
export type DemoSiloName = "registry" | "licenses" | "cases";

/** Load order within each silo: reference tables first. */
export const DEMO_SILO_TABLES: Record<DemoSiloName, readonly DemoTable[]> = {
  registry: ["rk_hxx", "rk_jbxx"],
  licenses: ["dzzz_zzlx", "dzzz_zzxx", "dzzz_zzsj", "dzzz_yzjl"],
  cases: ["sp_sxml", "sp_sxcl", "sp_yjs", "sp_yjscl", "sp_bj", "sp_bjcl", "sp_bjgc"],
};

export const DEMO_TABLES = Object.keys(DEMO_COLUMNS) as DemoTable[];

export type DemoRows = Record<DemoTable, DemoRow[]>;

export function emptyRows(): DemoRows {
  return Object.fromEntries(DEMO_TABLES.map((t) => [t, []])) as unknown as DemoRows;
}

/** Rows as objects keyed by column (for tests and tools; the loader keeps arrays). */
export function demoRecords(table: DemoTable, rows: readonly DemoRow[]): Record<string, DemoValue>[] {
  const columns: readonly string[] = DEMO_COLUMNS[table];
  return rows.map((row) => Object.fromEntries(columns.map((c, i) => [c, row[i]])));
}
