// The demo dataset as a stream of batches. Everything about household h follows from
// (seed, h) — its own PRNG streams for members, organisations, licences and cases — plus
// the ID-number counters, which only ever see households in order. So the same
// (persons, seed) gives the same rows, the first K persons are the same whatever the
// total, and the three silos, even seeded separately, describe the same people.
import { timestamp } from "./dates.js";
import { bundleRows } from "./bundles.js";
import { buildCases } from "./cases.js";
import { buildHousehold, householdRow } from "./households.js";
import { licenseTypeRows } from "./license-types.js";
import { buildLicenses } from "./licenses.js";
import { matter, matterRows } from "./matters.js";
import { buildOrganizations } from "./organizations.js";
import { IdNumberAllocator, personRow, REFERENCE_DAY } from "./persons.js";
import { emptyRows, type DemoRows } from "./tables.js";
import { validateDemoOptions, type DemoOptions } from "./options.js";

export interface DemoCounts {
  persons: number;
  households: number;
  organizations: number;
  licenses: number;
  cases: number;
}

export interface DemoBatch {
  /** Persons generated so far, this batch included (0 for the reference-data batch). */
  personsDone: number;
  /** What this batch adds. */
  counts: DemoCounts;
  rows: DemoRows;
}

const REFERENCE_UPDATED = timestamp(REFERENCE_DAY - 400, 36000);

/** Yields the reference data (licence types, matters, bundles) first, then ~`batchPersons` persons per batch. */
export function* generateDemo(options: DemoOptions): Generator<DemoBatch> {
  const { persons, seed, batchPersons } = validateDemoOptions(options);
  const reference = emptyRows();
  reference.dzzz_zzlx = licenseTypeRows(REFERENCE_UPDATED);
  const matters = matterRows(REFERENCE_UPDATED);
  const bundles = bundleRows(REFERENCE_UPDATED);
  reference.sp_sxml = [...matters.sp_sxml, ...bundles.sp_sxml];
  reference.sp_sxcl = [...matters.sp_sxcl, ...bundles.sp_sxcl];
  reference.sp_yjs = bundles.sp_yjs;
  reference.sp_yjscl = bundles.sp_yjscl;
  yield { personsDone: 0, counts: zero(), rows: reference };

  const ids = new IdNumberAllocator();
  let done = 0;
  let batch: DemoBatch = { personsDone: 0, counts: zero(), rows: emptyRows() };
  for (let h = 0; done < persons; h++) {
    const household = buildHousehold(seed, h, ids, done);
    const orgs = buildOrganizations(seed, household);
    const licences = buildLicenses(seed, household, orgs);
    const cases = buildCases(seed, household, orgs, licences);
    // The last household may be cut short; drop what belongs to the persons left out.
    const keep = Math.min(household.persons.length, persons - done);
    const kept = new Set(household.persons.slice(0, keep).map((p) => p.idNumber));
    const keptOrgs = orgs.filter((o) => kept.has(o.legalRepresentative.idNumber));
    for (const o of keptOrgs) kept.add(o.creditCode);
    const rows = batch.rows;
    const counts = batch.counts;
    rows.rk_hxx.push(householdRow(household));
    for (const p of household.persons.slice(0, keep)) rows.rk_jbxx.push(personRow(p));
    for (const l of licences) {
      if (!kept.has(l.holder)) continue;
      rows.dzzz_zzxx.push(l.row);
      for (const item of l.items) rows.dzzz_zzsj.push(item);
      counts.licenses++;
    }
    for (const c of cases) {
      if (!kept.has(c.applicant)) continue;
      rows.sp_bj.push(c.bj);
      for (const r of c.materials) rows.sp_bjcl.push(r);
      for (const r of c.timeline) rows.sp_bjgc.push(r);
      for (const r of c.usages) rows.dzzz_yzjl.push(r);
      counts.cases++;
    }
    counts.households++;
    counts.persons += keep;
    counts.organizations += keptOrgs.length;
    done += keep;
    if (counts.persons >= batchPersons || done >= persons) {
      batch.personsDone = done;
      yield batch;
      batch = { personsDone: done, counts: zero(), rows: emptyRows() };
    }
  }
}

export interface DemoShowcase {
  /** Head of the showcase family: spouse, children, a deceased parent, licences in several statuses, open and closed cases. */
  showcasePerson: string;
  /** The family's company: business licence and food permit. */
  showcaseOrganization: string;
  /** A matter whose materials shared data largely satisfies (ID card, household booklet, property). */
  showcaseMatter: string;
}

/** What the start script prints a sample query for; cheap (builds household 0 only). */
export function describeDemo(seed: number): DemoShowcase {
  const { seed: s } = validateDemoOptions({ persons: 1, seed });
  const household = buildHousehold(s, 0, new IdNumberAllocator(), 0);
  const [org] = buildOrganizations(s, household);
  return { showcasePerson: household.persons[0].idNumber, showcaseOrganization: org.creditCode, showcaseMatter: matter("SCHOOL_ENROLMENT").code };
}

function zero(): DemoCounts {
  return { persons: 0, households: 0, organizations: 0, licenses: 0, cases: 0 };
}
