// Organisations: companies, individual businesses (个体工商户) and farmers' cooperatives
// founded by people of the household, with GB 32100 credit codes. About 1 % were founded
// in the pilot era (mid-2015 to 2016). Their codes pass the check here: a pilot-era code
// with a wrong check character is legal but a quality finding (LIC_CREDIT_CODE), so a
// clean demo has none and the defect injector (demo/defects/) mints them on request.
import { creditCode } from "./agencies.js";
import { SHOPS, TRADE_NAMES, TRADES } from "./names.js";
import { dayFromCivil, yearsBetween } from "./dates.js";
import type { DemoHousehold } from "./households.js";
import { REFERENCE_DAY, type DemoPerson } from "./persons.js";
import { businessAddress, localName } from "./places.js";
import { Rng, scramble } from "./prng.js";

const CREDIT_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const NEW_STYLE_FROM = dayFromCivil(2016, 1, 1); // codes minted under GB 32100 carry "MA…" bodies
const PILOT_FROM = dayFromCivil(2015, 6, 1);

export type OrgKind = "company" | "individual" | "cooperative";

export interface DemoOrganization {
  creditCode: string;
  name: string;
  kind: OrgKind;
  legalRepresentative: DemoPerson;
  address: string;
  region: string;
  founded: number;
  food: boolean;
  /** The business licence's status (有效 / 注销 / 吊销). */
  status: "VALID" | "CANCELLED" | "REVOKED";
  pilotEra: boolean;
}

/** Roughly one organisation per 20 persons: a share of working-age heads (or spouses) run one. */
export function buildOrganizations(seed: number, household: DemoHousehold): DemoOrganization[] {
  const rng = new Rng(seed, household.index, 2);
  const [head, second] = household.persons;
  if (household.collective) return [];
  const headAge = yearsBetween(head.birth, REFERENCE_DAY);
  const founders = household.showcase ? 1 : headAge >= 25 && headAge <= 65 && rng.chance(0.2) ? (rng.chance(0.06) ? 2 : 1) : 0;
  const orgs: DemoOrganization[] = [];
  for (let k = 0; k < founders; k++) {
    const owner = k === 1 && second && second.deathDay === null ? second : head;
    orgs.push(buildOrganization(rng, household, owner, k));
  }
  return orgs;
}

function buildOrganization(rng: Rng, household: DemoHousehold, owner: DemoPerson, k: number): DemoOrganization {
  const showcase = household.showcase && k === 0;
  const region = household.region;
  const x = household.index * 2 + k; // unique per organisation: the credit code body encodes it
  const pilotEra = !showcase && rng.chance(0.01);
  const adult = owner.birth + 20 * 366;
  const earliest = Math.max(adult, dayFromCivil(1995, 1, 1));
  let founded = showcase ? REFERENCE_DAY - 900 : rng.int(Math.min(earliest, REFERENCE_DAY - 60), REFERENCE_DAY - 30);
  if (pilotEra) founded = PILOT_FROM + rng.int(0, 560);
  const kindRoll = rng.next();
  const kind: OrgKind = showcase || kindRoll < 0.6 ? "company" : kindRoll < 0.95 ? "individual" : "cooperative";
  const local = localName(region);
  let name: string;
  let food: boolean;
  if (kind === "company") {
    const trade = showcase ? TRADES[0] : rng.pick(TRADES);
    name = `${local}${rng.pick(TRADE_NAMES)}${trade.name}有限公司`;
    food = trade.food;
  } else if (kind === "individual") {
    const shop = rng.pick(SHOPS);
    name = `${local}${owner.surname}记${shop.name}`;
    food = shop.food;
  } else {
    name = `${local}${rng.pick(TRADE_NAMES)}${rng.pick(["茶叶", "果蔬", "中药材", "养殖"])}专业合作社`;
    food = false;
  }
  const prefix = kind === "company" ? "91" : kind === "individual" ? "92" : "93";
  let body: string;
  if (founded >= NEW_STYLE_FROM) {
    let n = scramble(x, 887503681, 308509643); // 31^6 codes; the multiplier is coprime to 31
    body = "MA";
    for (let i = 0; i < 6; i++, n = Math.floor(n / 31)) body += CREDIT_ALPHABET[n % 31];
  } else {
    body = String(scramble(x, 100000000, 61803399)).padStart(8, "0");
  }
  const code = creditCode(prefix, region, body);
  if (pilotEra) rng.int(1, 30); // once drew the wrong check character: kept so the stream does not move
  const roll = rng.next();
  const status = showcase || roll < 0.92 ? "VALID" : roll < 0.96 ? "CANCELLED" : "REVOKED";
  return { creditCode: code, name, kind, legalRepresentative: owner, address: businessAddress(rng, region), region, founded, food, status, pilotEra };
}
