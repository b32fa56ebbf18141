// GB/T 2260 administrative division codes used by the demo data and the API's region
// names. A subset: the places of the service-centre reports (Leshan, Huolingol, Fuding,
// Tangshan Lunan, Danzhou) and a spread of provinces. The silo keeps the bare code; a
// code outside this list is returned with a null name rather than failing.

/** County-level places (districts, counties, county-level cities): where people live. */
export const COUNTY_REGIONS: Readonly<Record<string, string>> = {
  "110101": "北京市东城区", "110102": "北京市西城区", "110105": "北京市朝阳区", "110108": "北京市海淀区",
  "130202": "河北省唐山市路南区", "130203": "河北省唐山市路北区",
  "150581": "内蒙古自治区通辽市霍林郭勒市",
  "310101": "上海市黄浦区", "310104": "上海市徐汇区", "310115": "上海市浦东新区",
  "330102": "浙江省杭州市上城区", "330106": "浙江省杭州市西湖区",
  "350102": "福建省福州市鼓楼区", "350982": "福建省宁德市福鼎市",
  "420102": "湖北省武汉市江岸区", "430102": "湖南省长沙市芙蓉区",
  "440104": "广东省广州市越秀区", "440106": "广东省广州市天河区", "440305": "广东省深圳市南山区",
  "460400": "海南省儋州市",
  "510104": "四川省成都市锦江区", "510107": "四川省成都市武侯区",
  "511102": "四川省乐山市市中区", "511111": "四川省乐山市沙湾区", "511112": "四川省乐山市五通桥区",
  "511113": "四川省乐山市金口河区", "511123": "四川省乐山市犍为县", "511124": "四川省乐山市井研县",
  "511126": "四川省乐山市夹江县", "511129": "四川省乐山市沐川县", "511132": "四川省乐山市峨边彝族自治县",
  "511133": "四川省乐山市马边彝族自治县", "511181": "四川省乐山市峨眉山市",
  "530102": "云南省昆明市五华区", "610113": "陕西省西安市雁塔区", "650102": "新疆维吾尔自治区乌鲁木齐市天山区",
};

// Province and prefecture levels: agencies and companies registered above county level
// carry these in their credit codes.
const UPPER_REGIONS: Readonly<Record<string, string>> = {
  "110000": "北京市", "130000": "河北省", "130200": "河北省唐山市", "150000": "内蒙古自治区", "150500": "内蒙古自治区通辽市",
  "310000": "上海市", "330000": "浙江省", "330100": "浙江省杭州市", "350000": "福建省", "350100": "福建省福州市",
  "350900": "福建省宁德市", "420000": "湖北省", "420100": "湖北省武汉市", "430000": "湖南省", "430100": "湖南省长沙市",
  "440000": "广东省", "440100": "广东省广州市", "440300": "广东省深圳市", "460000": "海南省", "510000": "四川省",
  "510100": "四川省成都市", "511100": "四川省乐山市", "530000": "云南省", "530100": "云南省昆明市", "610000": "陕西省",
  "610100": "陕西省西安市", "650000": "新疆维吾尔自治区", "650100": "新疆维吾尔自治区乌鲁木齐市",
};

/** Every code the API can name. */
export const REGIONS: Readonly<Record<string, string>> = { ...UPPER_REGIONS, ...COUNTY_REGIONS };

export function regionName(code: string | null | undefined): string | null {
  if (!code) return null;
  return REGIONS[code] ?? null;
}

export function isKnownRegion(code: string): boolean {
  return Object.hasOwn(REGIONS, code);
}
