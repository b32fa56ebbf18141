// The applicant block of a matter's form that shared data can
// prefill. Readiness prefills these (each with its provenance); acceptCase takes the
// values the window finally submitted, so the statistics can tell prefilled from typed.
import { registerEnumType } from "type-graphql";

export const FORM_FIELDS = {
  // Natural persons (from the registry, 户籍)
  ID_NUMBER: { label: "公民身份号码", labelEn: "citizen ID number" },
  NAME: { label: "姓名", labelEn: "name" },
  SEX: { label: "性别", labelEn: "sex" },
  BIRTH_DATE: { label: "出生日期", labelEn: "birth date" },
  ETHNICITY: { label: "民族", labelEn: "ethnicity" },
  ADDRESS: { label: "住址", labelEn: "address" },
  MARITAL_STATUS: { label: "婚姻状况", labelEn: "marital status" },
  HOUSEHOLD_NUMBER: { label: "户号", labelEn: "household number" },
  HOUSEHOLD_ADDRESS: { label: "户籍地址", labelEn: "household address" },
  HOUSEHOLD_MEMBERS: { label: "家庭成员", labelEn: "household members" },
  // Organisations (from the licence library: the business licence's surface data)
  ORGANIZATION_NAME: { label: "单位名称", labelEn: "organisation name" },
  CREDIT_CODE: { label: "统一社会信用代码", labelEn: "unified social credit code" },
  LEGAL_REPRESENTATIVE: { label: "法定代表人", labelEn: "legal representative" },
  ORGANIZATION_ADDRESS: { label: "住所", labelEn: "registered address" },
} as const;

export type FormFieldValue = keyof typeof FORM_FIELDS;

export const FormField = Object.fromEntries(Object.keys(FORM_FIELDS).map((k) => [k, k])) as { [K in FormFieldValue]: K };

registerEnumType(FormField, {
  name: "FormField",
  description: "表单字段: a field of the applicant block of a matter's form that shared data can prefill",
  valuesConfig: Object.fromEntries(
    Object.entries(FORM_FIELDS).map(([k, v]) => [k, { description: `${v.label} (${v.labelEn})` }]),
  ) as never,
});
