// Persons and their GB 11643 ID numbers. Uniqueness is by construction, not by luck:
// as a police station does, the sequence code is handed out per (region, birth date,
// sex) from a counter. The counters are a fixed-size typed array (regions × days × 2),
// so memory does not grow with the number of persons.
import { idNumberCheckChar } from "../validators/id-number.js";
import { Sex } from "../codes/person.js";
import { compactDate, dayFromCivil, dayOf, DEMO_REFERENCE_DATE } from "./dates.js";
import { mix } from "./prng.js";
import { REGION_CODES } from "./places.js";
import type { DemoRow } from "./tables.js";

export const FIRST_BIRTH_DAY = dayFromCivil(1915, 1, 1);
export const REFERENCE_DAY = dayOf(DEMO_REFERENCE_DATE);
const DAYS = REFERENCE_DAY - FIRST_BIRTH_DAY + 1;
const MALE_SLOTS = 500; // odd sequence codes 001 … 999
const FEMALE_SLOTS = 499; // even sequence codes 002 … 998

export interface DemoPerson {
  /** Ordinal over the whole dataset (0-based). */
  index: number;
  rkbh: string;
  idNumber: string;
  name: string;
  surname: string;
  male: boolean;
  ethnicity: string;
  birth: number;
  household: string;
  relation: string;
  marital: string;
  address: string;
  region: string;
  deathDay: number | null;
  updated: string;
}

export class IdNumberAllocator {
  private readonly regionIndex = new Map(REGION_CODES.map((c, i) => [c, i]));
  private readonly used = new Uint16Array(REGION_CODES.length * DAYS * 2);

  /** An unused ID number; the birth day moves by a day in the (unseen) case a day is full. */
  allocate(region: string, birth: number, male: boolean): { idNumber: string; birth: number } {
    const r = this.regionIndex.get(region);
    if (r === undefined) throw new RangeError(`region ${region} is not in the demo's REGIONS`);
    const slots = male ? MALE_SLOTS : FEMALE_SLOTS;
    let day = Math.min(Math.max(birth, FIRST_BIRTH_DAY), REFERENCE_DAY);
    for (;;) {
      const cell = ((r * DAYS + (day - FIRST_BIRTH_DAY)) << 1) | (male ? 1 : 0);
      const k = this.used[cell];
      if (k < slots) {
        this.used[cell] = k + 1;
        // Walk the slots with a stride coprime to their count from a per-cell offset,
        // so sequence codes look issued, not counted (001, 003, 005 …).
        const slot = (mix(cell) + k * 7) % slots;
        const seq = male ? 2 * slot + 1 : 2 * slot + 2;
        const first17 = region + compactDate(day) + String(seq).padStart(3, "0");
        return { idNumber: first17 + idNumberCheckChar(first17), birth: day };
      }
      day = day > FIRST_BIRTH_DAY ? day - 1 : REFERENCE_DAY;
    }
  }
}

const MALE = Sex.encode("MALE");
const FEMALE = Sex.encode("FEMALE");

export function personRow(p: DemoPerson): DemoRow {
  return [
    p.rkbh, p.idNumber, p.name, p.male ? MALE : FEMALE, p.ethnicity, compactDate(p.birth), p.household,
    p.relation, p.marital, p.address, p.region, p.deathDay === null ? "0" : "1",
    p.deathDay === null ? null : compactDate(p.deathDay), p.updated,
  ];
}
