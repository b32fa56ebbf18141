// Households (rk_hxx) and their members: family households of the usual shapes (single,
// couple, couple with children, three generations, single parent, elderly couple) and a
// few collective households (集体户: dormitories, hospitals). Exactly one head (户主) each.
// Household 0 is the showcase family the start script points at.
import { Ethnicity, HouseholdType } from "../codes/person.js";
import { timestamp } from "./dates.js";
import { Members, MARITAL, REL, type HouseholdBase } from "./members.js";
import { pickSurname } from "./names.js";
import { REFERENCE_DAY, type DemoPerson, type IdNumberAllocator } from "./persons.js";
import { collectiveAddress, homeAddress, HOME_REGIONS, localEthnicity } from "./places.js";
import { Rng, Weighted } from "./prng.js";
import type { DemoRow } from "./tables.js";

type Kind = "single" | "couple" | "nuclear" | "threeGenerations" | "singleParent" | "elderly" | "collective";

const KINDS = new Weighted<Kind>([
  ["single", 14], ["couple", 15], ["nuclear", 38], ["threeGenerations", 13], ["singleParent", 5], ["elderly", 13], ["collective", 2],
]);

export const SHOWCASE_REGION = "511102";
const HAN = Ethnicity.encode("HAN");

export interface DemoHousehold extends HouseholdBase {
  index: number;
  collective: boolean;
  showcase: boolean;
  persons: DemoPerson[];
}

export function buildHousehold(seed: number, h: number, ids: IdNumberAllocator, firstPerson: number): DemoHousehold {
  const rng = new Rng(seed, h, 1);
  const showcase = h === 0;
  const kind = showcase ? "threeGenerations" : KINDS.pick(rng);
  const region = showcase ? SHOWCASE_REGION : HOME_REGIONS.pick(rng);
  const base: HouseholdBase = {
    number: region + String(h + 1).padStart(9, "0"),
    region,
    address: kind === "collective" ? collectiveAddress(rng, region) : homeAddress(rng, region),
    updated: timestamp(REFERENCE_DAY - rng.int(0, 1500), rng.int(28800, 64800)),
  };
  const m = new Members(ids, rng, base, firstPerson);
  const ethnicity = showcase ? HAN : localEthnicity(rng, region);
  if (kind === "collective") addCollective(m, rng);
  else if (kind === "single") addSingle(m, rng, ethnicity);
  else if (kind === "singleParent") addSingleParent(m, rng, ethnicity);
  else addFamily(m, rng, kind, ethnicity, showcase);
  return { ...base, index: h, collective: kind === "collective", showcase, persons: m.persons };
}

function addFamily(m: Members, rng: Rng, kind: Kind, ethnicity: string, showcase: boolean): void {
  const [lo, hi] = kind === "elderly" ? [60, 90] : kind === "nuclear" ? [25, 55] : kind === "threeGenerations" ? [28, 52] : [22, 80];
  const headAge = showcase ? 38 : rng.int(lo, hi);
  const headMale = showcase || rng.chance(0.75);
  const headBirth = m.birthAt(headAge);
  const spouseBirth = headBirth + Math.floor(((headMale ? 2 : -2) + rng.int(-3, 3) + rng.next()) * 365.2425);
  const spouseDies = !showcase && kind === "elderly" && rng.chance(0.15);
  const surname = pickSurname(rng);
  const head = m.add({
    birth: headBirth, male: headMale, relation: REL.head, surname, ethnicity,
    marital: spouseDies ? MARITAL.widowed : m.marriedCode(), idRegion: showcase ? undefined : m.idRegion(0.75),
  });
  const spouse = m.add({
    birth: spouseBirth, male: !headMale, relation: rng.chance(0.1) ? REL.spouse : headMale ? REL.wife : REL.husband,
    marital: spouseDies ? MARITAL.married : head.marital, ethnicity: rng.chance(0.7) ? ethnicity : undefined,
    idRegion: showcase ? undefined : m.idRegion(0.7), deathDay: spouseDies ? REFERENCE_DAY - rng.int(60, 2500) : undefined,
  });
  if (kind === "nuclear" || kind === "threeGenerations") {
    const father = headMale ? head : spouse;
    const mother = headMale ? spouse : head;
    const childEthnicity = mother.ethnicity !== HAN && rng.chance(0.5) ? mother.ethnicity : father.ethnicity;
    const count = showcase ? 2 : rng.chance(0.45) ? 1 : rng.chance(0.8) ? 2 : 3;
    m.addChildren(count, mother.birth, father.surname, childEthnicity, showcase ? [6, 2] : undefined);
  }
  if (kind === "threeGenerations") addParents(m, rng, head, showcase);
}

/** The head's parents: sometimes one has died, and the other is then widowed. */
function addParents(m: Members, rng: Rng, head: DemoPerson, showcase: boolean): void {
  const fatherBirth = head.birth - Math.floor((rng.int(22, 34) + rng.next()) * 365.2425);
  const motherBirth = fatherBirth + Math.floor((rng.int(-1, 4) + rng.next()) * 365.2425);
  const dead = showcase ? "father" : rng.chance(0.2) ? (rng.chance(0.6) ? "father" : "mother") : null;
  const deathDay = REFERENCE_DAY - (showcase ? 700 : rng.int(60, 2500));
  const idRegion = showcase ? undefined : m.idRegion(0.8);
  const marital = (who: string) => (dead === null ? MARITAL.married : dead === who ? MARITAL.married : MARITAL.widowed);
  if (REFERENCE_DAY - fatherBirth < 102 * 365) {
    m.add({ birth: fatherBirth, male: true, relation: REL.father, surname: head.surname, ethnicity: head.ethnicity, marital: marital("father"), idRegion, deathDay: dead === "father" ? deathDay : undefined });
  }
  if (!showcase && rng.chance(0.3)) return;
  m.add({ birth: motherBirth, male: false, relation: REL.mother, ethnicity: head.ethnicity, marital: marital("mother"), idRegion, deathDay: dead === "mother" ? deathDay : undefined });
}

function addSingle(m: Members, rng: Rng, ethnicity: string): void {
  const age = rng.int(20, 85);
  const marital =
    age < 30 ? (rng.chance(0.92) ? MARITAL.unmarried : MARITAL.divorced)
    : age < 60 ? (rng.chance(0.45) ? MARITAL.unmarried : MARITAL.divorced)
    : rng.chance(0.7) ? MARITAL.widowed : MARITAL.divorced;
  m.add({ birth: m.birthAt(age), male: rng.chance(0.5), relation: REL.head, marital, ethnicity, idRegion: m.idRegion(0.7) });
}

function addSingleParent(m: Members, rng: Rng, ethnicity: string): void {
  const male = rng.chance(0.3);
  const head = m.add({
    birth: m.birthAt(rng.int(28, 55)), male, relation: REL.head, ethnicity,
    marital: rng.chance(0.7) ? MARITAL.divorced : MARITAL.widowed, idRegion: m.idRegion(0.8),
  });
  const motherBirth = male ? head.birth + rng.int(-1500, 1500) : head.birth;
  m.addChildren(rng.chance(0.7) ? 1 : 2, motherBirth, male || rng.chance(0.2) ? head.surname : pickSurname(rng), ethnicity);
}

/** 集体户: unrelated young adults registered at a school, hospital or factory. */
function addCollective(m: Members, rng: Rng): void {
  const headAge = rng.int(26, 55);
  m.add({ birth: m.birthAt(headAge), male: rng.chance(0.5), relation: REL.head, marital: m.marriedCode(), idRegion: m.idRegion(0.7) });
  const members = rng.int(2, 7);
  for (let i = 0; i < members; i++) {
    m.add({
      birth: m.birthAt(rng.int(18, 32)), male: rng.chance(0.5), relation: REL.nonRelative,
      marital: rng.chance(0.85) ? MARITAL.unmarried : m.marriedCode(), idRegion: m.idRegion(0.4),
    });
  }
}

const FAMILY = HouseholdType.encode("FAMILY");
const COLLECTIVE = HouseholdType.encode("COLLECTIVE");

export function householdRow(h: DemoHousehold): DemoRow {
  return [h.number, h.collective ? COLLECTIVE : FAMILY, h.address, h.region, h.updated];
}
