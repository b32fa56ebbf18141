// Adds one person to a household: name, birth date, ID number and codes, all consistent
// (the ID number encodes the birth date and sex; the address is the household's).
import { MaritalStatus, Relationship } from "../codes/person.js";
import { timestamp, yearOf } from "./dates.js";
import { personName, pickSurname } from "./names.js";
import { IdNumberAllocator, REFERENCE_DAY, type DemoPerson } from "./persons.js";
import { HOME_REGIONS, localEthnicity } from "./places.js";
import type { Rng } from "./prng.js";

export const REL = {
  head: Relationship.encode("HEAD"),
  spouse: Relationship.encode("SPOUSE"),
  husband: Relationship.encode("HUSBAND"),
  wife: Relationship.encode("WIFE"),
  son: Relationship.encode("SON"),
  daughter: Relationship.encode("DAUGHTER"),
  father: Relationship.encode("FATHER"),
  mother: Relationship.encode("MOTHER"),
  nonRelative: Relationship.encode("NON_RELATIVE"),
};

export const MARITAL = {
  unmarried: MaritalStatus.encode("UNMARRIED"),
  married: MaritalStatus.encode("MARRIED"),
  firstMarriage: MaritalStatus.encode("FIRST_MARRIAGE"),
  remarried: MaritalStatus.encode("REMARRIED"),
  widowed: MaritalStatus.encode("WIDOWED"),
  divorced: MaritalStatus.encode("DIVORCED"),
};

export interface MemberSpec {
  birth: number;
  male: boolean;
  relation: string;
  marital: string;
  /** Inherited surname; a fresh one is drawn when absent. */
  surname?: string;
  ethnicity?: string;
  /** Region of first registration (the ID number's prefix); the household's by default. */
  idRegion?: string;
  deathDay?: number;
}

export interface HouseholdBase {
  number: string;
  region: string;
  address: string;
  updated: string;
}

export class Members {
  readonly persons: DemoPerson[] = [];

  constructor(
    private readonly ids: IdNumberAllocator,
    private readonly rng: Rng,
    private readonly base: HouseholdBase,
    private nextIndex: number,
  ) {}

  /** A birth day for someone of `age` whole years on the reference day. */
  birthAt(age: number): number {
    return REFERENCE_DAY - Math.floor((age + this.rng.next() * 0.999) * 365.2425);
  }

  /** Married people's code: mostly 已婚, some recorded in detail (初婚/再婚). */
  marriedCode(): string {
    const x = this.rng.next();
    return x < 0.7 ? MARITAL.married : x < 0.92 ? MARITAL.firstMarriage : MARITAL.remarried;
  }

  /** Mostly born where they live; some moved in from elsewhere. */
  idRegion(share: number): string {
    return this.rng.chance(share) ? this.base.region : HOME_REGIONS.pick(this.rng);
  }

  add(spec: MemberSpec): DemoPerson {
    const rng = this.rng;
    const ethnicity = spec.ethnicity ?? localEthnicity(rng, this.base.region);
    const surname = spec.surname ?? pickSurname(rng);
    const { idNumber, birth } = this.ids.allocate(spec.idRegion ?? this.base.region, spec.birth, spec.male);
    const index = this.nextIndex++;
    const deathDay = spec.deathDay !== undefined && spec.deathDay > birth ? spec.deathDay : null;
    const person: DemoPerson = {
      index,
      rkbh: this.base.region + String(index + 1).padStart(10, "0"),
      idNumber,
      name: personName(rng, surname, spec.male, yearOf(birth), ethnicity),
      surname,
      male: spec.male,
      ethnicity,
      birth,
      household: this.base.number,
      relation: spec.relation,
      marital: spec.marital,
      address: this.base.address,
      region: this.base.region,
      deathDay,
      updated: deathDay === null ? this.base.updated : timestamp(Math.min(deathDay + rng.int(1, 20), REFERENCE_DAY), rng.int(30600, 61200)),
    };
    this.persons.push(person);
    return person;
  }

  /** Children of a couple (or a single parent): spaced births after the mother turned 20. */
  addChildren(count: number, motherBirth: number, surname: string, ethnicity: string, showcaseAges?: number[]): void {
    let birth = motherBirth + Math.floor((20 + this.rng.next() * 12) * 365.2425);
    for (let i = 0; i < count; i++) {
      if (showcaseAges) birth = this.birthAt(showcaseAges[i]);
      if (birth > REFERENCE_DAY) break;
      const male = this.rng.chance(0.52);
      this.add({ birth, male, relation: male ? REL.son : REL.daughter, marital: MARITAL.unmarried, surname, ethnicity, idRegion: this.idRegion(0.95) });
      birth += Math.floor((1.5 + this.rng.next() * 6) * 365.2425);
    }
  }
}
