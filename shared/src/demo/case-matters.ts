// Which matter a person would bring to a window, given their life: parents of school-age
// children enrol them, people near 60 retire, licence holders renew, and so on.
import { yearsBetween } from "./dates.js";
import type { DemoHousehold } from "./households.js";
import type { LicenseTypeKey } from "./license-types.js";
import type { MatterKey } from "./matters.js";
import { MARITAL, REL } from "./members.js";
import { REFERENCE_DAY as REF, type DemoPerson } from "./persons.js";
import type { Rng } from "./prng.js";

export interface HouseholdFacts {
  /** Age of each child (son/daughter of the head) on the reference day. */
  childAges: number[];
  singleParent: boolean;
}

const PARENT = new Set([REL.head, REL.spouse, REL.husband, REL.wife]);
const MARRIED = new Set([MARITAL.married, MARITAL.firstMarriage, MARITAL.remarried]);

export function householdFacts(household: DemoHousehold): HouseholdFacts {
  const children = household.persons.filter((p) => p.relation === REL.son || p.relation === REL.daughter);
  const head = household.persons[0];
  return {
    childAges: children.map((c) => yearsBetween(c.birth, REF)),
    singleParent: children.length > 0 && !household.persons.some((p) => p !== head && PARENT.has(p.relation)),
  };
}

/** A weighted draw over the matters that fit; null when none does. */
export function pickPersonMatter(rng: Rng, p: DemoPerson, facts: HouseholdFacts, holds: (t: LicenseTypeKey) => boolean): MatterKey | null {
  const age = yearsBetween(p.birth, REF);
  const parent = PARENT.has(p.relation);
  const childAged = (lo: number, hi: number) => parent && facts.childAges.some((a) => a >= lo && a <= hi);
  const candidates: [MatterKey, number][] = [
    ["ID_CARD_RENEWAL", 4],
    ["MEDICAL_INSURANCE", 2],
    ["INDIVIDUAL_BUSINESS", age <= 60 ? 1 : 0],
    ["PASSPORT", age <= 65 ? 3 : 0],
    ["PROPERTY_TRANSFER", holds("PROPERTY") ? 3 : 0],
    ["HOUSING_FUND_WITHDRAWAL", age >= 25 && age <= 60 && holds("PROPERTY") ? 3 : 0],
    ["SCHOOL_ENROLMENT", childAged(5, 15) ? 6 : 0],
    ["BIRTH_REGISTRATION", childAged(0, 1) ? 8 : 0],
    ["NEWBORN_INSURANCE", childAged(0, 1) ? 6 : 0],
    ["RETIREMENT", age >= 50 && age <= 65 ? 4 : 0],
    ["DISABILITY_CERTIFICATE", holds("DISABILITY") ? 8 : age >= 50 ? 0.3 : 0],
    ["MARRIAGE_REGISTRATION", age <= 40 ? (MARRIED.has(p.marital) ? 2 : 0.5) : 0],
    ["DRIVING_LICENCE_RENEWAL", holds("DRIVING") ? 3 : 0],
    ["SOCIAL_ASSISTANCE", age >= 60 || holds("DISABILITY") || (facts.singleParent && parent) ? 1.5 : 0],
  ];
  let total = 0;
  for (const [, w] of candidates) total += w;
  let x = rng.next() * total;
  for (const [key, w] of candidates) {
    if ((x -= w) < 0) return key;
  }
  return null;
}
