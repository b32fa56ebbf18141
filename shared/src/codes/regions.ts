// GB/T 2260 administrative division codes used by the demo data and the API's region
// names. A subset: the places of the service-centre reports (Leshan, Huolingol, Fuding,
// Tangshan Lunan, Danzhou) and a spread of provinces. The silo keeps the bare code; a
// code outside this list is returned with a null name rather than failing.

export const REGIONS: Readonly<Record<string, string>> = {
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

export function regionName(code: string | null | undefined): string | null {
  if (!code) return null;
  return REGIONS[code] ?? null;
}

export function isKnownRegion(code: string): boolean {
  return Object.hasOwn(REGIONS, code);
}
