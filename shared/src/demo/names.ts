// Personal names. Surnames weighted by their share of the population (2020 census
// order, shares in ‰, rounded); given names of one or two characters, drawn from pools
// that differ by sex and generation, as naming fashions did. Yi, Mongol and Uyghur
// persons mostly carry names of their own tradition.
import { Ethnicity } from "../codes/person.js";
import { Weighted, type Rng } from "./prng.js";

const YI = Ethnicity.encode("YI");
const MONGOL_CODE = Ethnicity.encode("MONGOL");
const UYGUR = Ethnicity.encode("UYGUR");

const SURNAME_SHARES =
  "王71 李70 张66 刘54 陈46 杨31 黄25 赵23 吴20 周19 徐15 孙15 马14 朱13 胡13 郭12 何12 林11 高11 罗10 " +
  "郑9 梁9 谢8 宋7 唐7 许7 韩7 冯7 邓7 曹6 彭6 曾6 肖6 田5 董5 袁5 潘5 于5 蒋5 蔡5 余5 杜5 叶4 程4 " +
  "苏4 魏4 吕4 丁4 任4 沈4 姚4 卢4 姜3 崔3 钟3 谭3 陆3 汪3 范3 金3 石3 廖3 贾3 夏3 韦3 付3 方3 白3 " +
  "邹2 孟2 熊2 秦2 邱2 江2 尹2 薛2 闫2 段2 雷2 侯2 龙2 史2 陶2 黎2 贺2 顾2 毛2 郝2 龚2 邵2 万2 钱2 " +
  "严2 覃2 武2 戴2 莫2 孔2 向2 汤2 欧阳0.5 司马0.1 诸葛0.1 上官0.1";

export const SURNAMES = new Weighted(
  SURNAME_SHARES.split(" ").map((s) => [s.replace(/[\d.]+$/, ""), Number(/[\d.]+$/.exec(s)![0])] as const),
);

const MALE_NEW = [..."浩宇轩子博睿泽晨航然昊天一鸿俊杰文涛鑫宁凯瑞阳哲铭辰皓煜锦逸泓嘉诚毅"];
const FEMALE_NEW = [..."欣怡萱涵梓诗雨佳梦思琪悦可馨晴瑶妍婉若汐语彤沐依紫一诺菲芮桐"];
const MALE_OLD = [..."伟强磊军勇斌超明刚平辉鹏华飞波建国志林峰东海成龙江彬亮健洋帅德福贵祥"];
const FEMALE_OLD = [..."芳娜敏静秀丽艳娟霞燕玲婷雪慧颖琳红英兰凤丹洁倩萍桂珍淑华玉梅翠"];
const OLD_WHOLE_MALE = ["建国", "国庆", "建华", "卫东", "建军", "志强", "国强", "红兵", "德明", "永福"];
const OLD_WHOLE_FEMALE = ["秀英", "桂兰", "淑珍", "玉兰", "秀兰", "桂英", "凤英", "秀珍", "淑芬", "玉梅"];

const YI_CLANS = ["吉克", "阿苏", "沙马", "海来", "阿尔", "马海", "曲比", "吉伍", "俄木", "阿西"];
const YI_GIVEN = ["拉则", "曲布", "石哈", "阿依", "木呷", "伍各", "尔古", "阿果", "日火", "么么"];
const MONGOL = ["巴特尔", "其木格", "乌力吉", "萨仁高娃", "额尔敦", "娜仁花", "宝音", "斯琴", "图雅", "朝鲁", "苏和", "乌兰"];
const UYGUR_GIVEN = ["买买提", "艾力", "阿不都", "古丽", "热依拉", "阿依努尔", "吐尔逊", "努尔", "帕提古丽", "艾合买提"];

function given(rng: Rng, male: boolean, birthYear: number): string {
  const old = birthYear < 1975;
  if (old && rng.chance(0.25)) return rng.pick(male ? OLD_WHOLE_MALE : OLD_WHOLE_FEMALE);
  const pool = old || rng.chance(0.3) ? (male ? MALE_OLD : FEMALE_OLD) : male ? MALE_NEW : FEMALE_NEW;
  // Single-character given names were common until the 1990s, rarer since.
  if (rng.chance(birthYear < 1995 ? 0.35 : 0.15)) return rng.pick(pool);
  return rng.pick(pool) + rng.pick(pool);
}

/**
 * A full name. `surname` is inherited (children take the father's); ethnicity is the
 * GB 3304 code, which changes the naming tradition for a few groups.
 */
export function personName(rng: Rng, surname: string, male: boolean, birthYear: number, ethnicity: string): string {
  if (ethnicity === YI && rng.chance(0.7)) return rng.pick(YI_CLANS) + rng.pick(YI_GIVEN);
  if (ethnicity === MONGOL_CODE && rng.chance(0.6)) return rng.pick(MONGOL);
  if (ethnicity === UYGUR) return `${rng.pick(UYGUR_GIVEN)}·${rng.pick(UYGUR_GIVEN)}`;
  return surname + given(rng, male, birthYear);
}

export function pickSurname(rng: Rng): string {
  return SURNAMES.pick(rng);
}

/** 字号 and trade for organisation names (企业名称 = 行政区划 + 字号 + 行业 + 组织形式). */
export const TRADE_NAMES = [
  "宏达", "鑫源", "华泰", "恒通", "锦程", "金鼎", "瑞丰", "天成", "盛世", "嘉禾", "佳美", "永兴", "顺发",
  "兴旺", "新纪元", "蓝天", "绿源", "聚福", "和美", "誉恒", "凯瑞", "众鑫", "鼎盛", "汇通", "博远",
] as const;

export interface Trade {
  name: string;
  food: boolean;
}

export const TRADES: readonly Trade[] = [
  { name: "餐饮管理", food: true }, { name: "食品", food: true }, { name: "茶业", food: true },
  { name: "商贸", food: false }, { name: "科技", food: false }, { name: "建材", food: false },
  { name: "物流", food: false }, { name: "文化传媒", food: false }, { name: "农业开发", food: false },
  { name: "旅游服务", food: false }, { name: "装饰工程", food: false }, { name: "汽车服务", food: false },
];

/** Shop names of individual businesses (个体工商户): 字号 from the keeper's surname. */
export const SHOPS: readonly Trade[] = [
  { name: "小吃店", food: true }, { name: "面馆", food: true }, { name: "便利店", food: true },
  { name: "烧烤店", food: true }, { name: "五金店", food: false }, { name: "理发店", food: false },
  { name: "服装店", food: false }, { name: "手机维修部", food: false },
];
