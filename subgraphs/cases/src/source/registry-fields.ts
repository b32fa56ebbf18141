// sp_sxcl.sjx names the registry (rk_jbxx) columns that satisfy a material, e.g. a
// household booklet is satisfied by "gmsfhm,xm,hh". The column names are a legacy code
// table of their own; a column the table does not know is skipped (and logged once),
// because a material cannot be satisfied by a field nobody can read.
import { defineCodeTable, UNRECOGNIZED } from "@onceonly/shared";

export const RegistryColumn = defineCodeTable("RegistryColumn", "户籍字段 (rk_jbxx columns named in sp_sxcl.sjx)", [
  { code: "gmsfhm", value: "ID_NUMBER", label: "公民身份号码", labelEn: "citizen ID number" },
  { code: "xm", value: "NAME", label: "姓名", labelEn: "name" },
  { code: "xb", value: "SEX", label: "性别", labelEn: "sex" },
  { code: "mz", value: "ETHNICITY", label: "民族", labelEn: "ethnicity" },
  { code: "csrq", value: "BIRTH_DATE", label: "出生日期", labelEn: "birth date" },
  { code: "zz", value: "ADDRESS", label: "住址", labelEn: "address" },
  { code: "ssxq", value: "REGION", label: "所属区划", labelEn: "administrative region" },
  { code: "hyzk", value: "MARITAL_STATUS", label: "婚姻状况", labelEn: "marital status" },
  { code: "hh", value: "HOUSEHOLD", label: "户号", labelEn: "household number" },
  { code: "yhzgx", value: "RELATIONSHIP_TO_HEAD", label: "与户主关系", labelEn: "relationship to the head of household" },
  { code: "swbs", value: "DECEASED", label: "死亡标识", labelEn: "deceased flag" },
] as const);

export type RegistryFieldValue = (typeof RegistryColumn.entries)[number]["value"];

/** "gmsfhm,xm,hh" → [ID_NUMBER, NAME, HOUSEHOLD]; clerks also typed full-width commas and spaces. */
export function parseRegistryColumns(sjx: string | null, context: Record<string, unknown>): RegistryFieldValue[] {
  if (!sjx) return [];
  const fields: RegistryFieldValue[] = [];
  for (const column of sjx.split(/[,，;；\s]+/)) {
    const field = RegistryColumn.decode(column.toLowerCase(), context);
    if (field !== null && field !== UNRECOGNIZED && !fields.includes(field)) fields.push(field);
  }
  return fields;
}
