// Credit codes (GB 32100) for the government bodies and companies of the demo. A code is
// registration authority (1) + category (1) + GB/T 2260 region (6) + organisation code
// (GB 11714: 8 characters + its own MOD 11 check) + the GB 32100 check character.
import { creditCodeCheckChar } from "../validators/credit-code.js";
import { cityName, localName } from "./places.js";
import { mix } from "./prng.js";

const ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
const ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/** GB 11714 organisation code check character over an 8-character body. */
export function orgCodeCheckChar(body8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += ALNUM.indexOf(body8[i]) * ORG_WEIGHTS[i];
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** A full, valid 18-character credit code. */
export function creditCode(prefix2: string, region: string, body8: string): string {
  const first17 = prefix2 + region + body8 + orgCodeCheckChar(body8);
  return first17 + creditCodeCheckChar(first17);
}

/** FNV-1a over UTF-16 units: stable numbers from names, so agency codes never depend on the seed. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/** Organisation code bodies of government bodies: 8 digits, stable per name. */
function agencyBody(name: string): string {
  return String(10000000 + (mix(hashString(name)) % 90000000));
}

export interface Agency {
  name: string;
  code: string;
}

// 11 机构编制/机关, 12 机构编制/事业单位, 13 机构编制/群众团体 (残联 is one).
const CENTRAL = { 公安部: "11", 民政部: "11", 国家卫生健康委员会: "11", 国家市场监督管理总局: "11", 自然资源部: "11", 中国残疾人联合会: "13" } as const;
export type CentralAgency = keyof typeof CENTRAL;

export function centralAgency(name: CentralAgency): Agency {
  return { name, code: creditCode(CENTRAL[name], "100000", agencyBody(name)) };
}

/** Local issuing bodies, by the kind of licence they issue. */
export type IssuerKind = "police" | "civil" | "health" | "market" | "land" | "traffic" | "disabled";

function issuerName(kind: IssuerKind, region: string): string {
  const local = localName(region);
  switch (kind) {
    case "police":
      // A city district's police is a branch of the city bureau (乐山市公安局市中区分局).
      return local.endsWith("区") && local !== cityName(region)
        ? `${cityName(region)}公安局${local.slice(cityName(region).length)}分局`
        : `${local}公安局`;
    case "civil":
      return `${local}民政局`;
    case "health":
      return `${local}卫生健康局`;
    case "market":
      return `${local}市场监督管理局`;
    case "land":
      return `${local}不动产登记中心`;
    case "traffic":
      return `${cityName(region)}公安局交通警察支队`;
    case "disabled":
      return `${local}残疾人联合会`;
  }
}

const CATEGORY: Record<IssuerKind, string> = {
  police: "11", civil: "11", health: "11", market: "11", land: "12", traffic: "11", disabled: "13",
};
const issuers = new Map<string, Agency>();

export function localIssuer(kind: IssuerKind, region: string): Agency {
  const key = `${kind}:${region}`;
  let agency = issuers.get(key);
  if (!agency) {
    const name = issuerName(kind, region);
    const codeRegion = kind === "traffic" ? `${region.slice(0, 4)}00` : region;
    agency = { name, code: creditCode(CATEGORY[kind], codeRegion, agencyBody(name)) };
    issuers.set(key, agency);
  }
  return agency;
}
