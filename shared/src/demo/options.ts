// Demo options, checked up front with messages that name the value and the rule.

export interface DemoOptions {
  /** How many persons (1 … 10,000,000). */
  persons: number;
  /** PRNG seed, an integer 0 … 4294967295. */
  seed: number;
  /** Persons per yielded batch (default 2,000: ~10k rows of the busiest table). */
  batchPersons?: number;
}

export const MAX_DEMO_PERSONS = 10_000_000;

export function validateDemoOptions(o: DemoOptions): Required<DemoOptions> {
  if (!Number.isSafeInteger(o.persons) || o.persons < 1 || o.persons > MAX_DEMO_PERSONS) {
    throw new RangeError(`persons = ${o.persons}: must be a whole number from 1 to ${MAX_DEMO_PERSONS.toLocaleString("en")}`);
  }
  if (!Number.isSafeInteger(o.seed) || o.seed < 0 || o.seed > 0xffffffff) {
    throw new RangeError(`seed = ${o.seed}: must be a whole number from 0 to 4294967295`);
  }
  const batchPersons = o.batchPersons ?? 2000;
  if (!Number.isSafeInteger(batchPersons) || batchPersons < 1) {
    throw new RangeError(`batchPersons = ${batchPersons}: must be a whole number of at least 1`);
  }
  return { persons: o.persons, seed: o.seed, batchPersons };
}
