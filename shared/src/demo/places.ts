// Where the demo population lives: real county-level GB/T 2260 codes from the shared table,
// weighted towards the places of the service-centre reports (Leshan, Huolingol, Fuding,
// Tangshan Lunan, Danzhou), with street addresses, local ethnic mixes and window names.
import { COUNTY_REGIONS as REGIONS } from "../codes/regions.js";
import { Ethnicity } from "../codes/person.js";
import { Weighted, type Rng } from "./prng.js";

const FEATURED: Record<string, number> = {
  "511102": 10, "511111": 2, "511112": 2, "511113": 0.5, "511123": 3, "511124": 2, "511126": 2,
  "511129": 1.5, "511132": 1, "511133": 1, "511181": 3, "150581": 7, "350982": 8, "130202": 7,
  "130203": 2, "460400": 8,
};

export const REGION_CODES: readonly string[] = Object.keys(REGIONS).sort();
export const HOME_REGIONS = new Weighted(REGION_CODES.map((c) => [c, FEATURED[c] ?? 2] as const));

/** County-level places where part of the population lives in villages. */
const RURAL = new Set(["511113", "511123", "511124", "511126", "511129", "511132", "511133", "350982", "460400", "150581"]);

const ROADS: Record<string, string[]> = {
  "511102": ["嘉州大道", "柏杨中路", "人民南路", "白塔街", "土桥街", "玉堂街", "县街", "凤凰路", "肖坝路", "春华路"],
  "511181": ["名山南路", "佛光东路", "胜利街", "报国路", "大佛禅院路"],
  "150581": ["珠斯花大街", "可汗山大街", "哲里木大街", "莫斯台街", "沙尔呼热街"],
  "350982": ["太姥大道", "桐山街", "海滨路", "古城路", "资国寺路", "龙山路"],
  "130202": ["新华东道", "建设南路", "国防道", "增盛道", "南新东道", "文化路"],
  "460400": ["中兴大街", "人民中路", "文化北路", "那恁路", "伏波路", "军屯路"],
};
const COMMON_ROADS = ["人民路", "解放路", "建设路", "中山路", "新华路", "胜利路", "文化路", "和平路", "光明路", "幸福路", "长江路", "滨江路"];
const TOWNS = ["新民镇", "龙池镇", "太平镇", "石溪镇", "青龙镇", "白马镇", "双河镇", "永丰镇"];
const VILLAGES = ["红星村", "桃园村", "青山村", "新华村", "团结村", "兴隆村", "双桥村", "柏林村"];
const COLLECTIVE_UNITS = ["第一中学", "职业技术学院", "人民医院", "工业园区管委会", "师范学校"];

export function regionFullName(code: string): string {
  return REGIONS[code];
}

/** A home address inside the region (urban flat or village house). */
export function homeAddress(rng: Rng, region: string): string {
  const base = REGIONS[region];
  if (RURAL.has(region) && rng.chance(0.4)) {
    return `${base}${rng.pick(TOWNS)}${rng.pick(VILLAGES)}${rng.int(1, 12)}组${rng.int(1, 80)}号`;
  }
  const street = `${base}${rng.pick(ROADS[region] ?? COMMON_ROADS)}${rng.int(1, 399)}号`;
  if (rng.chance(0.3)) return street;
  return `${street}${rng.int(1, 24)}栋${rng.int(1, 4)}单元${rng.int(1, 28)}0${rng.int(1, 4)}室`;
}

/** A business address (住所): a street number, sometimes a floor or shop unit. */
export function businessAddress(rng: Rng, region: string): string {
  const street = `${REGIONS[region]}${rng.pick(ROADS[region] ?? COMMON_ROADS)}${rng.int(1, 599)}号`;
  return rng.chance(0.5) ? `${street}${rng.int(1, 3)}楼${rng.int(1, 30)}号铺` : street;
}

export function collectiveAddress(rng: Rng, region: string): string {
  return `${REGIONS[region]}${rng.pick(ROADS[region] ?? COMMON_ROADS)}${rng.int(1, 199)}号${localName(region)}${rng.pick(COLLECTIVE_UNITS)}集体户`;
}

/** The name a local body uses: county-level units stand alone, districts keep their city. */
export function localName(region: string): string {
  const rest = REGIONS[region].replace(/^.*?(省|自治区)/, "");
  const county = /^.+?市(.+[县市])$/.exec(rest);
  return county ? county[1] : rest;
}

/** The prefecture-level city (乐山市, 北京市 …). */
export function cityName(region: string): string {
  const rest = REGIONS[region].replace(/^.*?(省|自治区)/, "");
  return /^.+?市/.exec(rest)?.[0] ?? rest;
}

const PROVINCE_ABBR: Record<string, string> = {
  "11": "京", "13": "冀", "15": "蒙", "31": "沪", "33": "浙", "35": "闽", "42": "鄂", "43": "湘",
  "44": "粤", "46": "琼", "51": "川", "53": "云", "61": "陕", "65": "新",
};

export function provinceAbbr(region: string): string {
  return PROVINCE_ABBR[region.slice(0, 2)] ?? "京";
}

const WINDOW_PREFIX: [RegExp, string][] = [
  [/^5111/, "LS"], [/^150581/, "HLGL"], [/^350982/, "FD"], [/^130202/, "TSLN"], [/^130203/, "TSLB"],
  [/^460400/, "DZ"], [/^11/, "BJ"], [/^31/, "SH"], [/^33/, "HZ"], [/^35/, "FZ"], [/^42/, "WH"], [/^43/, "CS"],
  [/^4401/, "GZ"], [/^4403/, "SZ"], [/^51/, "CD"], [/^53/, "KM"], [/^61/, "XA"], [/^65/, "WLMQ"],
];

/** A window of the region's service centre, e.g. LS-W03 (乐山). */
export function serviceWindow(rng: Rng, region: string): string {
  const prefix = WINDOW_PREFIX.find(([re]) => re.test(region))?.[1] ?? region;
  const n = rng.int(1, 12);
  return `${prefix}-W${n < 10 ? "0" : ""}${n}`;
}

// Ethnic mixes (GB 3304, via the shared code table) with local weights; the rest of the
// country is mostly Han.
type EthnicityValue = (typeof Ethnicity.entries)[number]["value"];
const MIX: Record<string, [EthnicityValue, number][]> = {
  "511132": [["HAN", 62], ["YI", 36], ["QIANG", 1], ["ZANG", 1]],
  "511133": [["HAN", 60], ["YI", 39], ["HUI", 1]],
  "150581": [["HAN", 76], ["MONGOL", 20], ["MAN", 2], ["HUI", 2]],
  "350982": [["HAN", 93], ["SHE", 7]],
  "460400": [["HAN", 90], ["LI", 8], ["MIAO", 2]],
  "650102": [["HAN", 60], ["UYGUR", 25], ["HUI", 11], ["KAZAK", 4]],
  "530102": [["HAN", 90], ["YI", 5], ["BAI", 2], ["HUI", 3]],
};
const DEFAULT_MIX: [EthnicityValue, number][] = [["HAN", 970], ["HUI", 8], ["MAN", 8], ["ZHUANG", 4], ["TUJIA", 4], ["MIAO", 3], ["YI", 3]];
const LESHAN_MIX: [EthnicityValue, number][] = [["HAN", 97], ["YI", 3]];
const MIXES = new Map<string, Weighted<string>>();

/** An ethnicity (GB 3304 code) as found in the region. */
export function localEthnicity(rng: Rng, region: string): string {
  let w = MIXES.get(region);
  if (!w) {
    const mix = MIX[region] ?? (region.startsWith("5111") ? LESHAN_MIX : DEFAULT_MIX);
    w = new Weighted(mix.map(([value, weight]) => [Ethnicity.encode(value), weight] as const));
    MIXES.set(region, w);
  }
  return w.pick(rng);
}
