// Cases (sp_bj) with their materials (sp_bjcl), process (sp_bjgc) and, for materials
// cited as electronic licences, the licence library's usage records (dzzz_yzjl). About
// 0.5 per person plus some per organisation. A material is cited by reference (电子证照)
// only when the applicant holds a usable licence of the type; registry-backed materials
// are pulled as shared data; the rest arrive on paper, upload, commitment or 容缺 —
// never on paper or by upload while the applicant holds a licence of the type that is
// still 有效 and covered the day of acceptance: the window cites it (a clean demo has no
// X_ELICENSE_NOT_USED finding).
import { ApplicantKind, CaseStatus, SubmissionMethod } from "../codes/case.js";
import { Ethnicity } from "../codes/person.js";
import { compactDate, yearsBetween } from "./dates.js";
import { caseTiming, opinion, pickStatus, type CaseStatusValue } from "./case-timeline.js";
import { householdFacts, pickPersonMatter } from "./case-matters.js";
import type { DemoHousehold } from "./households.js";
import type { DemoLicense } from "./license-issue.js";
import type { LicenseTypeKey } from "./license-types.js";
import { matter, type DemoMatter, type MatterKey } from "./matters.js";
import { pickSurname, personName } from "./names.js";
import type { DemoOrganization } from "./organizations.js";
import { REFERENCE_DAY as REF } from "./persons.js";
import { localName, serviceWindow } from "./places.js";
import { Rng, Weighted } from "./prng.js";
import type { DemoRow } from "./tables.js";

export interface DemoCase {
  number: string;
  applicant: string;
  bj: DemoRow;
  materials: DemoRow[];
  timeline: DemoRow[];
  usages: DemoRow[];
}

const M = (v: Parameters<typeof SubmissionMethod.encode>[0]) => SubmissionMethod.encode(v);
const OTHER_METHODS = new Weighted([[M("UPLOAD"), 45], [M("PAPER"), 35], [M("COMMITMENT"), 12], [M("DEFERRED"), 8]] as const);
const PERSON = ApplicantKind.encode("PERSON");
const ORGANIZATION = ApplicantKind.encode("ORGANIZATION");
const ACCEPTED = CaseStatus.encode("ACCEPTED");
const RETURNED = CaseStatus.encode("RETURNED_FOR_CORRECTION");
const AT_WINDOW = new Set([ACCEPTED, RETURNED, CaseStatus.encode("NOT_ACCEPTED"), CaseStatus.encode("COMPLETED")]);
const HAN = Ethnicity.encode("HAN");
const FETCH = "2"; // dzzz_yzjl.yzfs: 1 核验 (verify), 2 调取 (fetch)
const PAPER = M("PAPER");
const UPLOAD = M("UPLOAD");

type Applicant = { code: string; name: string; organization: boolean };
type Forced = { status?: CaseStatusValue; closedOn?: number };

export function buildCases(seed: number, household: DemoHousehold, orgs: readonly DemoOrganization[], licences: readonly DemoLicense[]): DemoCase[] {
  const rng = new Rng(seed, household.index, 4);
  const held = new Map<string, DemoLicense[]>();
  for (const l of licences) held.set(l.holder, [...(held.get(l.holder) ?? []), l]);
  const out: DemoCase[] = [];
  const add = (a: Applicant, key: MatterKey, forced: Forced = {}) =>
    out.push(buildCase(rng, household, a, matter(key), held.get(a.code) ?? [], out.length, forced));
  const facts = householdFacts(household);
  if (household.showcase) {
    const head = household.persons[0];
    const a = { code: head.idNumber, name: head.name, organization: false };
    add(a, "SCHOOL_ENROLMENT", { status: "PROCESSING" });
    add(a, "PROPERTY_TRANSFER", { status: "COMPLETED" });
    add(a, "DRIVING_LICENCE_RENEWAL", { status: "RETURNED_FOR_CORRECTION" });
  }
  for (const p of household.persons) {
    if (household.showcase || p.deathDay !== null || yearsBetween(p.birth, REF) < 18) continue;
    const roll = rng.next();
    const n = roll < 0.52 ? 0 : roll < 0.88 ? 1 : 2;
    const types = new Set((held.get(p.idNumber) ?? []).map((l) => l.type));
    for (let i = 0; i < n; i++) {
      const key = pickPersonMatter(rng, p, facts, (t: LicenseTypeKey) => types.has(t));
      if (key) add({ code: p.idNumber, name: p.name, organization: false }, key);
    }
  }
  for (const org of orgs) {
    const a = { code: org.creditCode, name: org.name, organization: true };
    if (org.founded >= REF - 3 * 365) add(a, "ENTERPRISE_ESTABLISHMENT", { status: "COMPLETED", closedOn: org.founded });
    if (org.food && (household.showcase || rng.chance(0.5))) add(a, "FOOD_PERMIT", household.showcase ? { status: "COMPLETED" } : {});
    if (org.status === "CANCELLED") add(a, "ENTERPRISE_DEREGISTRATION", { status: "COMPLETED" });
  }
  return out;
}

function buildCase(rng: Rng, household: DemoHousehold, a: Applicant, m: DemoMatter, held: DemoLicense[], k: number, forced: Forced): DemoCase {
  const t = caseTiming(rng, m, forced.status ?? pickStatus(rng, m), forced.closedOn, forced.status !== undefined);
  const number = `${household.region}${compactDate(t.acceptedDay)}${String(household.index).padStart(8, "0")}${String(k).padStart(2, "0")}`;
  const window = serviceWindow(rng, household.region);
  const materials: DemoRow[] = [];
  const usages: DemoRow[] = [];
  for (const c of m.materials) {
    if (!c.required && rng.chance(0.4)) continue;
    const licence = c.licenseType ? usable(held, c.licenseType, t.acceptedDay) : undefined;
    const cite = (l: DemoLicense) => {
      materials.push([number, c.code, M("E_LICENSE"), l.id]);
      usages.push([l.id, `${localName(household.region)}${m.department}`, window, m.code, number, `办理${m.name}`, FETCH, t.accepted]);
    };
    if (licence && rng.chance(0.8)) cite(licence);
    else if (c.registryFields && rng.chance(0.85)) materials.push([number, c.code, M("SHARED_DATA"), null]);
    else {
      const method = OTHER_METHODS.pick(rng);
      // The draw is kept either way, so the rest of the stream does not move.
      if (licence && !licence.lapsed && (method === PAPER || method === UPLOAD)) cite(licence);
      else materials.push([number, c.code, method, null]);
    }
  }
  const missing = rng.pick(m.materials).name;
  const timeline = t.steps.map(([zt, at]): DemoRow => [
    number, zt, at, AT_WINDOW.has(zt) ? window : null, staffName(rng), opinion(zt, t.result, missing),
  ]);
  const last = t.steps[t.steps.length - 1][1];
  const bj: DemoRow = [
    number, m.code, a.code, a.name, a.organization ? ORGANIZATION : PERSON, t.accepted, window, t.promised,
    CaseStatus.encode(t.status), t.completed, t.result, t.evaluation, last,
  ];
  return { number, applicant: a.code, bj, materials, timeline, usages };
}

/** A licence of the type the applicant held valid on the day of acceptance (one that lapsed since included). */
function usable(held: DemoLicense[], type: LicenseTypeKey, day: number): DemoLicense | undefined {
  return held.find((l) => l.type === type && (l.status === "VALID" || l.lapsed) && l.issued <= day && (l.validUntil === null || l.validUntil >= day));
}

function staffName(rng: Rng): string {
  const male = rng.chance(0.45);
  return personName(rng, pickSurname(rng), male, 1980 + rng.int(0, 20), HAN);
}
