// Registry (户籍) code tables.
import { defineCodeTable } from "./code-table.js";

export const Sex = defineCodeTable("Sex", "GB/T 2261.1-2003 人的性别代码", [
  { code: "0", value: "NOT_KNOWN", label: "未知的性别", labelEn: "not known" },
  { code: "1", value: "MALE", label: "男性", labelEn: "male" },
  { code: "2", value: "FEMALE", label: "女性", labelEn: "female" },
  { code: "9", value: "NOT_STATED", label: "未说明的性别", labelEn: "not stated" },
] as const);

export const MaritalStatus = defineCodeTable("MaritalStatus", "GB/T 2261.2-2003 婚姻状况代码", [
  { code: "10", value: "UNMARRIED", label: "未婚", labelEn: "unmarried" },
  { code: "20", value: "MARRIED", label: "已婚", labelEn: "married" },
  { code: "21", value: "FIRST_MARRIAGE", label: "初婚", labelEn: "first marriage" },
  { code: "22", value: "REMARRIED", label: "再婚", labelEn: "remarried" },
  { code: "23", value: "REUNITED", label: "复婚", labelEn: "remarried to former spouse" },
  { code: "30", value: "WIDOWED", label: "丧偶", labelEn: "widowed" },
  { code: "40", value: "DIVORCED", label: "离婚", labelEn: "divorced" },
  { code: "90", value: "NOT_STATED", label: "未说明的婚姻状况", labelEn: "not stated" },
] as const);

// GB/T 4761-2008 家庭关系代码: the group codes; the detailed codes (21 长子 …) fold
// into their group when the silo is read (see relationshipGroup).
export const Relationship = defineCodeTable("Relationship", "GB/T 4761-2008 家庭关系代码", [
  { code: "01", value: "SELF", label: "本人", labelEn: "self" },
  { code: "02", value: "HEAD", label: "户主", labelEn: "head of household" },
  { code: "10", value: "SPOUSE", label: "配偶", labelEn: "spouse" },
  { code: "11", value: "HUSBAND", label: "夫", labelEn: "husband" },
  { code: "12", value: "WIFE", label: "妻", labelEn: "wife" },
  { code: "20", value: "SON", label: "子", labelEn: "son" },
  { code: "30", value: "DAUGHTER", label: "女", labelEn: "daughter" },
  { code: "40", value: "GRANDCHILD", label: "孙子、孙女或外孙子、外孙女", labelEn: "grandchild" },
  { code: "50", value: "PARENT", label: "父母", labelEn: "parent" },
  { code: "51", value: "FATHER", label: "父亲", labelEn: "father" },
  { code: "52", value: "MOTHER", label: "母亲", labelEn: "mother" },
  { code: "60", value: "GRANDPARENT", label: "祖父母或外祖父母", labelEn: "grandparent" },
  { code: "70", value: "SIBLING", label: "兄、弟、姐、妹", labelEn: "sibling" },
  { code: "97", value: "OTHER_RELATIVE", label: "其他亲属", labelEn: "other relative" },
  { code: "99", value: "NON_RELATIVE", label: "非亲属", labelEn: "not a relative" },
] as const);

/** 21 独生子, 22 长子 … → 20; 31-39 → 30; other detailed codes map to their group likewise. */
export function relationshipGroup(code: string): string {
  const c = code.trim();
  if (Relationship.has(c)) return c;
  if (/^[2-7][1-9]$/.test(c) && Relationship.has(`${c[0]}0`)) return `${c[0]}0`;
  return c;
}

export const HouseholdType = defineCodeTable("HouseholdType", "户口类型 (公安部 户籍管理)", [
  { code: "1", value: "FAMILY", label: "家庭户", labelEn: "family household" },
  { code: "2", value: "COLLECTIVE", label: "集体户", labelEn: "collective household" },
] as const);

export const Ethnicity = defineCodeTable(
  "Ethnicity",
  "GB/T 3304-1991 中国各民族名称的罗马字母拼写法和代码",
  (
    [
      ["01", "HAN", "汉族", "Han"], ["02", "MONGOL", "蒙古族", "Mongol"], ["03", "HUI", "回族", "Hui"],
      ["04", "ZANG", "藏族", "Tibetan"], ["05", "UYGUR", "维吾尔族", "Uyghur"], ["06", "MIAO", "苗族", "Miao"],
      ["07", "YI", "彝族", "Yi"], ["08", "ZHUANG", "壮族", "Zhuang"], ["09", "BUYEI", "布依族", "Buyei"],
      ["10", "CHOSEN", "朝鲜族", "Korean"], ["11", "MAN", "满族", "Manchu"], ["12", "DONG", "侗族", "Dong"],
      ["13", "YAO", "瑶族", "Yao"], ["14", "BAI", "白族", "Bai"], ["15", "TUJIA", "土家族", "Tujia"],
      ["16", "HANI", "哈尼族", "Hani"], ["17", "KAZAK", "哈萨克族", "Kazakh"], ["18", "DAI", "傣族", "Dai"],
      ["19", "LI", "黎族", "Li"], ["20", "LISU", "傈僳族", "Lisu"], ["21", "VA", "佤族", "Va"],
      ["22", "SHE", "畲族", "She"], ["23", "GAOSHAN", "高山族", "Gaoshan"], ["24", "LAHU", "拉祜族", "Lahu"],
      ["25", "SUI", "水族", "Sui"], ["26", "DONGXIANG", "东乡族", "Dongxiang"], ["27", "NAXI", "纳西族", "Naxi"],
      ["28", "JINGPO", "景颇族", "Jingpo"], ["29", "KIRGIZ", "柯尔克孜族", "Kyrgyz"], ["30", "TU", "土族", "Tu"],
      ["31", "DAUR", "达斡尔族", "Daur"], ["32", "MULAO", "仫佬族", "Mulao"], ["33", "QIANG", "羌族", "Qiang"],
      ["34", "BLANG", "布朗族", "Blang"], ["35", "SALAR", "撒拉族", "Salar"], ["36", "MAONAN", "毛南族", "Maonan"],
      ["37", "GELAO", "仡佬族", "Gelao"], ["38", "XIBE", "锡伯族", "Xibe"], ["39", "ACHANG", "阿昌族", "Achang"],
      ["40", "PUMI", "普米族", "Pumi"], ["41", "TAJIK", "塔吉克族", "Tajik"], ["42", "NU", "怒族", "Nu"],
      ["43", "UZBEK", "乌孜别克族", "Uzbek"], ["44", "RUSS", "俄罗斯族", "Russian"], ["45", "EWENKI", "鄂温克族", "Evenk"],
      ["46", "DEANG", "德昂族", "De'ang"], ["47", "BONAN", "保安族", "Bonan"], ["48", "YUGUR", "裕固族", "Yugur"],
      ["49", "GIN", "京族", "Gin"], ["50", "TATAR", "塔塔尔族", "Tatar"], ["51", "DERUNG", "独龙族", "Derung"],
      ["52", "OROQEN", "鄂伦春族", "Oroqen"], ["53", "HEZHEN", "赫哲族", "Hezhen"], ["54", "MONBA", "门巴族", "Monpa"],
      ["55", "LHOBA", "珞巴族", "Lhoba"], ["56", "JINO", "基诺族", "Jino"],
      ["97", "OTHER", "其他", "other"], ["98", "FOREIGN_ORIGIN", "外国血统中国籍人士", "naturalised of foreign origin"],
    ] as const
  ).map(([code, value, label, labelEn]) => ({ code, value, label, labelEn })),
);
