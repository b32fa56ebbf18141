// The applicant block of the form, prefilled from shared data, each value with its
// provenance (which department, which record, when it last changed), like Myinfo's
// per-attribute source. `value` is what the form shows (the Chinese label for a coded
// field), `code` the enum value behind it.
import { Ethnicity, MaritalStatus, Relationship, Sex, UNRECOGNIZED, type CodeTable } from "@onceonly/shared";
import { FORM_FIELDS, type FormFieldValue } from "../schema/form-field.enum.js";
import type { HouseholdFact, MemberFact, OrganizationFacts, PersonFacts } from "./facts.js";

export type DataSourceValue = "REGISTRY" | "LICENSES";

export const REGISTRY_DEPARTMENT = "公安局户籍管理";
export const LICENSES_DEPARTMENT = "电子证照库";

export interface ProvenanceAnswer {
  source: DataSourceValue;
  department: string;
  recordKey: string | null;
  updatedAt: Date | null;
}

export interface PrefilledFieldAnswer {
  field: FormFieldValue;
  label: string;
  value: string | null;
  code: string | null;
  provenance: ProvenanceAnswer;
}

export interface PrefilledMemberAnswer {
  idNumber: string;
  name: string | null;
  relationship: MemberFact["relationship"];
  sex: MemberFact["sex"];
  birthDate: string | null;
  provenance: ProvenanceAnswer;
}

/** Nothing for a person the registry does not hold: it vouches for no value. */
export function personPrefill(p: PersonFacts): PrefilledFieldAnswer[] {
  if (!p.registered) return [];
  const person = registryProvenance(p.recordKey, p.updatedAt);
  const household = householdProvenance(p.household);
  const h = p.household;
  return [
    field("ID_NUMBER", p.idNumber, null, person),
    field("NAME", p.name, null, person),
    coded("SEX", Sex, p.sex, person),
    field("BIRTH_DATE", p.birthDate, null, person),
    coded("ETHNICITY", Ethnicity, p.ethnicity, person),
    field("ADDRESS", p.address, null, person),
    coded("MARITAL_STATUS", MaritalStatus, p.maritalStatus, person),
    field("HOUSEHOLD_NUMBER", h?.number ?? null, null, household),
    field("HOUSEHOLD_ADDRESS", h?.address ?? null, null, household),
    field("HOUSEHOLD_MEMBERS", h && h.members.length > 0 ? h.members.map(memberSummary).join("、") : null, null, household),
  ];
}

export function householdMembers(p: PersonFacts): PrefilledMemberAnswer[] {
  if (!p.registered || !p.household) return [];
  const provenance = householdProvenance(p.household);
  return p.household.members.map((m) => ({
    idNumber: m.idNumber,
    name: m.name,
    relationship: m.relationship,
    sex: m.sex,
    birthDate: m.birthDate,
    provenance,
  }));
}

/** From the business licence's surface data; nothing when the licence library knows no licence of it. */
export function organizationPrefill(o: OrganizationFacts): PrefilledFieldAnswer[] {
  if (!o.recordKey && !o.name && !o.legalRepresentative && !o.address) return [];
  const provenance: ProvenanceAnswer = { source: "LICENSES", department: LICENSES_DEPARTMENT, recordKey: o.recordKey, updatedAt: o.updatedAt };
  return [
    field("ORGANIZATION_NAME", o.name, null, provenance),
    field("CREDIT_CODE", o.creditCode, null, provenance),
    field("LEGAL_REPRESENTATIVE", o.legalRepresentative, null, provenance),
    field("ORGANIZATION_ADDRESS", o.address, null, provenance),
  ];
}

// Private helpers.

function registryProvenance(recordKey: string | null, updatedAt: Date | null): ProvenanceAnswer {
  return { source: "REGISTRY", department: REGISTRY_DEPARTMENT, recordKey, updatedAt };
}

// Household fields come from the household record (rk_hxx): its number is its key.
function householdProvenance(h: HouseholdFact | null): ProvenanceAnswer {
  return registryProvenance(h?.number ?? null, h?.updatedAt ?? null);
}

function field(name: FormFieldValue, value: string | null, code: string | null, provenance: ProvenanceAnswer): PrefilledFieldAnswer {
  return { field: name, label: FORM_FIELDS[name].label, value, code, provenance };
}

// A code outside its table is no value the form can show.
function coded<V extends string>(name: FormFieldValue, table: CodeTable<V>, value: V | typeof UNRECOGNIZED | null, provenance: ProvenanceAnswer): PrefilledFieldAnswer {
  if (value === null || value === UNRECOGNIZED) return field(name, null, null, provenance);
  return field(name, table.label(value), value, provenance);
}

function memberSummary(m: MemberFact): string {
  const who = m.name ?? m.idNumber;
  return m.relationship && m.relationship !== UNRECOGNIZED ? `${who}（${Relationship.label(m.relationship)}）` : who;
}
