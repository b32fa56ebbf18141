// Registry fixtures: plain rows of the silo's own shape (pinyin columns, legacy codes),
// inserted with parameterised INSERTs. A few hand-written households cover the legacy
// traps (duplicate rows, cancelled rows, unknown codes, a bad csrq, a deceased person);
// bulkRows() adds many ordinary ones for the batching tests.
import { idNumberCheckChar, type Silo } from "@onceonly/shared";

export interface PersonRow {
  rkbh: string; gmsfhm: string; xm: string; xb: string | null; mz: string | null; csrq: string | null;
  hh: string | null; yhzgx: string | null; hyzk: string | null; zz: string | null; ssxq: string | null;
  swbs: "0" | "1"; zxrq: string | null; gxsj: string;
}

export interface HouseholdRow {
  hh: string; hlx: string | null; zz: string | null; ssxq: string | null; gxsj: string;
}

/** A valid GB 11643 number from its parts (the check character computed). */
export function idNumber(region: string, birth: string, sequence: string): string {
  const first17 = `${region}${birth}${sequence}`;
  return first17 + idNumberCheckChar(first17);
}

export const ID = {
  headBeijing: "11010519491231002X", // design vector: female, born 1949-12-31
  eldestSon: idNumber("110105", "19750315", "011"),
  daughterInLaw: idNumber("110105", "19780808", "022"),
  deceasedFather: idNumber("110105", "19200101", "013"),
  headShantou: "440524188001010014", // design vector: male, born 1880-01-01 (deceased)
  duplicated: idNumber("440513", "19850620", "035"), // two active rows: the later gxsj wins
  movedOut: idNumber("440513", "19900101", "046"), // a newer cancelled row loses to the active one
  cancelled: idNumber("440513", "19600101", "057"), // only a cancelled row
  unknownCodes: idNumber("511102", "19950505", "068"), // xb 7, mz 77, hyzk 55, csrq 19950231
  headLeshan: idNumber("511102", "19880808", "079"),
  headHuolingol: idNumber("150581", "20010101", "081"),
  noHousehold: idNumber("350982", "19990909", "092"),
  absent: idNumber("130202", "20000101", "103"), // valid, but not in the silo
} as const;

export const HH = {
  beijing: "110105000001",
  shantou: "440524000001",
  leshan: "511102-0001",
  huolingol: "150581000009",
} as const;

export const HOUSEHOLDS: HouseholdRow[] = [
  { hh: HH.beijing, hlx: "1", zz: "北京市朝阳区建国路88号", ssxq: "110105", gxsj: "2023-05-01T08:00:00Z" },
  { hh: HH.shantou, hlx: "1", zz: "广东省汕头市潮阳区文光街道棉城路12号", ssxq: "440513", gxsj: "2020-01-01T08:00:00Z" },
  { hh: HH.leshan, hlx: "2", zz: "四川省乐山市市中区嘉州大道1号", ssxq: "511102", gxsj: "2022-03-01T08:00:00Z" },
  { hh: HH.huolingol, hlx: "5", zz: "内蒙古自治区霍林郭勒市珠斯花街道", ssxq: "150581", gxsj: "2021-07-01T08:00:00Z" },
];

const row = (r: Omit<PersonRow, "swbs" | "zxrq"> & Partial<Pick<PersonRow, "swbs" | "zxrq">>): PersonRow => ({ swbs: "0", zxrq: null, ...r });
const BJ = "北京市朝阳区建国路88号";
const ST = "广东省汕头市潮阳区文光街道棉城路12号";

export const PERSONS: PersonRow[] = [
  row({ rkbh: "R0001", gmsfhm: ID.headBeijing, xm: "王秀英", xb: "2", mz: "01", csrq: "19491231", hh: HH.beijing, yhzgx: "02", hyzk: "30", zz: BJ, ssxq: "110105", gxsj: "2023-05-01T08:00:00Z" }),
  row({ rkbh: "R0002", gmsfhm: ID.eldestSon, xm: "李建国", xb: "1", mz: "01", csrq: "19750315", hh: HH.beijing, yhzgx: "22", hyzk: "20", zz: BJ, ssxq: "110105", gxsj: "2023-05-01T08:00:00Z" }),
  row({ rkbh: "R0003", gmsfhm: ID.daughterInLaw, xm: "陈丽", xb: "2", mz: "03", csrq: "19780808", hh: HH.beijing, yhzgx: "38", hyzk: "21", zz: BJ, ssxq: "110105", gxsj: "2023-05-01T08:00:00Z" }),
  row({ rkbh: "R0004", gmsfhm: ID.deceasedFather, xm: "李德福", xb: "1", mz: "01", csrq: "19200101", hh: HH.beijing, yhzgx: "51", hyzk: "30", zz: BJ, ssxq: "110105", swbs: "1", gxsj: "2010-02-01T08:00:00Z" }),
  row({ rkbh: "R0005", gmsfhm: ID.headShantou, xm: "黄阿福", xb: "1", mz: "01", csrq: "18800101", hh: HH.shantou, yhzgx: "02", hyzk: "30", zz: ST, ssxq: "440524", swbs: "1", gxsj: "1998-06-01T08:00:00Z" }),
  row({ rkbh: "L-19980001", gmsfhm: ID.duplicated, xm: "黄志強", xb: "1", mz: "01", csrq: "19850620", hh: HH.shantou, yhzgx: "20", hyzk: "10", zz: ST, ssxq: "440524", gxsj: "2005-01-01T08:00:00Z" }),
  row({ rkbh: "R0006", gmsfhm: ID.duplicated, xm: "黄志强", xb: "1", mz: "01", csrq: "19850620", hh: HH.shantou, yhzgx: "20", hyzk: "20", zz: ST, ssxq: "440513", gxsj: "2021-09-01T08:00:00Z" }),
  row({ rkbh: "R0007", gmsfhm: ID.movedOut, xm: "林美玲", xb: "2", mz: "01", csrq: "19900101", hh: HH.shantou, yhzgx: "40", hyzk: "10", zz: ST, ssxq: "440513", gxsj: "2019-04-01T08:00:00Z" }),
  row({ rkbh: "R0007X", gmsfhm: ID.movedOut, xm: "林美玲(迁出)", xb: "2", mz: "01", csrq: "19900101", hh: HH.leshan, yhzgx: "99", hyzk: "10", zz: "四川省乐山市", ssxq: "511102", zxrq: "20240301", gxsj: "2024-03-01T08:00:00Z" }),
  row({ rkbh: "R0008", gmsfhm: ID.cancelled, xm: "黄国栋", xb: "1", mz: "01", csrq: "19600101", hh: HH.shantou, yhzgx: "70", hyzk: "20", zz: ST, ssxq: "440513", zxrq: "20180505", gxsj: "2018-05-05T08:00:00Z" }),
  row({ rkbh: "R0009", gmsfhm: ID.unknownCodes, xm: "杨雪", xb: "7", mz: "77", csrq: "19950231", hh: HH.leshan, yhzgx: "99", hyzk: "55", zz: "四川省乐山市市中区嘉州大道1号", ssxq: "511102", gxsj: "2022-03-01T08:00:00Z" }),
  row({ rkbh: "R0010", gmsfhm: ID.headLeshan, xm: "刘洋", xb: "1", mz: "07", csrq: "19880808", hh: HH.leshan, yhzgx: "02", hyzk: "10", zz: "四川省乐山市市中区嘉州大道1号", ssxq: "511102", gxsj: "2022-03-01T08:00:00Z" }),
  row({ rkbh: "R0011", gmsfhm: ID.headHuolingol, xm: "巴特尔", xb: "1", mz: "02", csrq: "20010101", hh: HH.huolingol, yhzgx: "02", hyzk: "10", zz: "内蒙古自治区霍林郭勒市珠斯花街道", ssxq: "150581", gxsj: "2021-07-01T08:00:00Z" }),
  row({ rkbh: "R0012", gmsfhm: ID.noHousehold, xm: "陈静", xb: "2", mz: "22", csrq: "19990909", hh: null, yhzgx: null, hyzk: "10", zz: "福建省福鼎市桐山街道", ssxq: "350982", gxsj: "2020-10-01T08:00:00Z" }),
];

/** `households` ordinary households of four (head, spouse, son, daughter) in Fuding 350982. */
export function bulkRows(households: number): { households: HouseholdRow[]; persons: PersonRow[] } {
  const hhRows: HouseholdRow[] = [];
  const persons: PersonRow[] = [];
  const roles = [
    { yhzgx: "02", birth: "19700101", xb: "1" },
    { yhzgx: "10", birth: "19720202", xb: "2" },
    { yhzgx: "20", birth: "19950303", xb: "1" },
    { yhzgx: "30", birth: "19980404", xb: "2" },
  ];
  for (let h = 0; h < households; h++) {
    const hh = `B${String(h).padStart(6, "0")}`;
    const zz = `福建省福鼎市太姥山镇${h + 1}号`;
    hhRows.push({ hh, hlx: "1", zz, ssxq: "350982", gxsj: "2022-01-01T00:00:00Z" });
    roles.forEach((r, i) => {
      // Sequence: odd for men, even for women (GB 11643), unique per household.
      const seq = String((h % 450) * 2 + (r.xb === "1" ? 1 : 2)).padStart(3, "0");
      const birth = `${Number(r.birth.slice(0, 4)) + Math.floor(h / 450)}${r.birth.slice(4)}`;
      persons.push(row({
        rkbh: `B${h}-${i}`, gmsfhm: idNumber("350982", birth, seq), xm: `林${h}之${i}`, xb: r.xb, mz: "01",
        csrq: birth, hh, yhzgx: r.yhzgx, hyzk: i < 2 ? "20" : "10", zz, ssxq: "350982", gxsj: "2022-01-01T00:00:00Z",
      }));
    });
  }
  return { households: hhRows, persons };
}

const PERSON_COLUMNS = ["rkbh", "gmsfhm", "xm", "xb", "mz", "csrq", "hh", "yhzgx", "hyzk", "zz", "ssxq", "swbs", "zxrq", "gxsj"] as const;
const HOUSEHOLD_COLUMNS = ["hh", "hlx", "zz", "ssxq", "gxsj"] as const;

export async function insertRows(silo: Silo, rows: { households: HouseholdRow[]; persons: PersonRow[] }): Promise<void> {
  for (const h of rows.households) {
    await silo.query(insertSql("rk_hxx", HOUSEHOLD_COLUMNS), HOUSEHOLD_COLUMNS.map((c) => h[c]));
  }
  for (const p of rows.persons) {
    await silo.query(insertSql("rk_jbxx", PERSON_COLUMNS), PERSON_COLUMNS.map((c) => p[c]));
  }
}

/** The hand-written fixtures plus `bulkHouseholds` ordinary households. */
export async function insertFixtures(silo: Silo, bulkHouseholds = 0): Promise<void> {
  await insertRows(silo, { households: HOUSEHOLDS, persons: PERSONS });
  if (bulkHouseholds > 0) await insertRows(silo, bulkRows(bulkHouseholds));
}

// Private: column names are constants above, values always parameters.
function insertSql(table: string, columns: readonly string[]): string {
  return `INSERT INTO ${table} (${columns.join(", ")}) VALUES (${columns.map((_, i) => `$${i + 1}`).join(", ")})`;
}
