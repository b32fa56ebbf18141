// Which licences a household's people hold, issued as the rules have it: ID cards valid
// 5/10/20 years or long-term by age at issue, driving licences 6 → 10 years → long-term,
// birth certificates since 1996, property certificates since unified registration
// (2016). Deceased persons' ID cards (and a dead spouse's marriage certificate) are
// cancelled, as is any licence whose validity ran out (license-issue.ts). The showcase
// family holds a spread of statuses, so even the smallest dataset has every one; the
// head's driving licence runs out on the reference day itself (valid that day, expired
// the day after: the renewal case he has open), his previous one is on file as 注销.
import { addYears, dayFromCivil, yearOf, yearsBetween } from "./dates.js";
import { LicenseIssuer, type DemoLicense, type LicenseStatusValue } from "./license-issue.js";
import { MARITAL, REL } from "./members.js";
import type { DemoHousehold } from "./households.js";
import type { DemoOrganization } from "./organizations.js";
import { organizationLicenses } from "./org-licenses.js";
import { REFERENCE_DAY as REF, type DemoPerson } from "./persons.js";
import { cityName, provinceAbbr } from "./places.js";
import { Rng, scramble } from "./prng.js";

const BIRTH_CERTIFICATES_FROM = dayFromCivil(1996, 1, 1);
const UNIFIED_PROPERTY_FROM = dayFromCivil(2016, 1, 1);
const MARRIED = new Set([MARITAL.married, MARITAL.firstMarriage, MARITAL.remarried, MARITAL.widowed]);
const SPOUSE = new Set([REL.spouse, REL.husband, REL.wife]);

export function buildLicenses(seed: number, household: DemoHousehold, orgs: readonly DemoOrganization[]): DemoLicense[] {
  const rng = new Rng(seed, household.index, 3);
  const issuer = new LicenseIssuer(rng, household.index);
  const show = household.showcase;
  const [head, second] = household.persons;
  const holder = (p: DemoPerson) => ({ name: p.name, code: p.idNumber });
  const region = household.region;

  for (const p of household.persons) {
    const age = yearsBetween(p.birth, REF);
    const end = p.deathDay ?? REF;
    if (age >= 16 || rng.chance(0.2)) {
      let issued = end - rng.int(30, 12 * 365);
      if (age >= 16) issued = Math.max(issued, addYears(p.birth, 16) + rng.int(0, 300));
      issued = Math.min(Math.max(issued, p.birth + rng.int(30, 400)), end);
      if (show && p === head) issued = REF - 1100;
      const at = yearsBetween(p.birth, issued);
      const years = at < 16 ? 5 : at < 26 ? 10 : at < 46 ? 20 : null;
      const lost = show ? p.relation === REL.mother : rng.chance(0.015);
      const status: LicenseStatusValue = p.deathDay !== null ? "CANCELLED" : lost ? "REPORTED_LOST" : "VALID";
      issuer.issue({ type: "ID_CARD", holder: holder(p), number: p.idNumber, region, issued, validUntil: years === null ? null : addYears(issued, years), status, changedOn: p.deathDay ?? undefined });
    }
    if (p.birth >= BIRTH_CERTIFICATES_FROM) {
      const letter = "KLMNOPQRST"[Math.min(9, Math.floor((yearOf(p.birth) - 1996) / 3))];
      const number = letter + String(scramble(p.index, 1e9, 618033989)).padStart(9, "0");
      issuer.issue({ type: "BIRTH", holder: holder(p), number, region: p.idNumber.slice(0, 6), issued: p.birth + rng.int(1, 20) });
    }
    const driver = show ? p === head || p === second : p.deathDay === null && age >= 18 && age <= 75 && rng.chance(age < 60 ? 0.5 : 0.25);
    if (driver) drivingLicence(issuer, rng, p, region, show ? (p === head ? "expiring" : "REVOKED") : undefined);
    if (!show && rng.chance(age >= 60 ? 0.05 : 0.015)) {
      const issued = Math.max(REF - rng.int(30, 11 * 365), p.birth + 30);
      const number = p.idNumber + rng.int(1, 7) + rng.int(1, 4);
      const status = p.deathDay !== null ? "CANCELLED" : rng.chance(0.03) ? "REPORTED_LOST" : "VALID";
      issuer.issue({ type: "DISABILITY", holder: holder(p), number, region, issued, validUntil: addYears(issued, 10), status, changedOn: p.deathDay ?? undefined });
    }
    if (p.marital === MARITAL.divorced && rng.chance(0.8)) {
      const issued = Math.min(REF - 30, addYears(p.birth, 25 + rng.int(0, Math.max(0, age - 26))));
      const number = `L${region}-${yearOf(issued)}-${String(scramble(p.index % 1e7, 1e7, 6180341)).padStart(7, "0")}`;
      issuer.issue({ type: "DIVORCE", holder: holder(p), number, region, issued });
    }
  }

  if (!household.collective) {
    const issued = Math.max(REF - rng.int(30, 20 * 365), addYears(head.birth, 18));
    issuer.issue({ type: "HOUSEHOLD_BOOKLET", holder: holder(head), number: household.number, region, issued, status: !show && rng.chance(0.01) ? "REPORTED_LOST" : "VALID" });
    if (second && SPOUSE.has(second.relation) && MARRIED.has(head.marital)) marriage(issuer, rng, household, head, second);
    if (show || (yearsBetween(head.birth, REF) >= 25 && rng.chance(0.6))) {
      const from = Math.max(UNIFIED_PROPERTY_FROM, addYears(head.birth, 22));
      const issued = show ? REF - 2000 : from >= REF - 30 ? REF - 30 : rng.int(from, REF - 30);
      const number = `${provinceAbbr(region)}(${yearOf(issued)})${cityName(region)}不动产权第${String(scramble(household.index, 1e7, 6180341)).padStart(7, "0")}号`;
      const area = `${rng.int(45, 180)}.${rng.int(0, 99)}平方米`;
      issuer.issue({
        type: "PROPERTY", holder: holder(head), number, region, issued, status: !show && rng.chance(0.05) ? "CANCELLED" : "VALID",
        items: [["qlr", "权利人", head.name], ["zl", "坐落", household.address], ["mj", "面积", area]],
      });
    }
  }
  orgs.forEach((org, k) => organizationLicenses(issuer, rng, org, household.index * 2 + k, show && k === 0));
  // Issued last, so every other licence keeps its serial: the showcase head's first
  // driving licence (6 years), replaced by the one that runs out on the reference day.
  if (show) issuer.issue({ type: "DRIVING", holder: holder(head), number: head.idNumber, region, issued: addYears(REF, -16), validUntil: addYears(REF, -10) });
  return issuer.issued;
}

/** 6 years, then 10, then long-term; a few let theirs lapse. */
function drivingLicence(issuer: LicenseIssuer, rng: Rng, p: DemoPerson, region: string, force?: "expiring" | "REVOKED"): void {
  let issued = Math.min(addYears(p.birth, 18 + rng.int(0, 25)), REF - rng.int(30, 300));
  issued = Math.max(issued, addYears(p.birth, 18));
  let years: number | null = 6;
  if (force === "expiring") {
    issued = addYears(REF, -10);
    years = 10;
  } else {
    while (years !== null && addYears(issued, years) < REF && rng.chance(0.93)) {
      issued = addYears(issued, years) - rng.int(0, 90);
      years = years === 6 ? 10 : null;
    }
  }
  const roll = rng.next();
  const status: LicenseStatusValue = force === "REVOKED" ? "REVOKED" : force ? "VALID" : roll < 0.02 ? "REVOKED" : roll < 0.03 ? "CANCELLED" : roll < 0.04 ? "REPORTED_LOST" : "VALID";
  issuer.issue({ type: "DRIVING", holder: { name: p.name, code: p.idNumber }, number: p.idNumber, region, issued, validUntil: years === null ? null : addYears(issued, years), status });
}

/** Both spouses hold a marriage certificate, registered before their first child. */
function marriage(issuer: LicenseIssuer, rng: Rng, household: DemoHousehold, a: DemoPerson, b: DemoPerson): void {
  const younger = Math.max(a.birth, b.birth);
  let day = younger + Math.floor((22 + rng.next() * 8) * 365.2425);
  const firstChild = household.persons.find((p) => p.relation === REL.son || p.relation === REL.daughter);
  if (firstChild) day = Math.min(day, firstChild.birth - rng.int(200, 900));
  day = Math.min(Math.max(day, younger + 20 * 366), REF - 30);
  [a, b].forEach((p, k) => {
    const serial = String(scramble((household.index * 2 + k) % 1e7, 1e7, 6180341)).padStart(7, "0");
    // A dead spouse's certificate was cancelled with the death (never 有效 under a deceased holder).
    const dead = p.deathDay !== null ? { status: "CANCELLED" as const, changedOn: Math.max(p.deathDay, day) } : {};
    issuer.issue({ type: "MARRIAGE", holder: { name: p.name, code: p.idNumber }, number: `J${household.region}-${yearOf(day)}-${serial}`, region: household.region, issued: day, ...dead });
  });
}
