// What the registry and the licence library said about an applicant, as the gateway
// forwards it in the `_entities` representation (the @requires selection of
// Person/Organization.readiness). The representation is JSON: enums arrive as names,
// dates as strings. It is parsed here, once, into typed facts; the readiness rules never
// see raw JSON.
import { BadUserInputError, Ethnicity, LicenseStatus, MaritalStatus, Relationship, Sex, UNRECOGNIZED, type CodeTable } from "@onceonly/shared";

type Code<T> = T extends CodeTable<infer V> ? V | typeof UNRECOGNIZED : never;

/** One licence the holder holds, judged by the licence library (LicenseEvidence). */
export interface LicenseFact {
  licenseId: string;
  typeCode: string;
  typeName: string | null;
  number: string | null;
  holderName: string | null;
  issuer: string | null;
  issuedOn: string | null;
  /** null = long-term (长期). */
  validUntil: string | null;
  status: Code<typeof LicenseStatus> | null;
  /** A VerificationOutcome name, as verifyLicense would answer for its own holder. */
  outcome: string;
  receipt: string | null;
  checkedAt: Date | null;
  updatedAt: Date | null;
}

export interface MemberFact {
  idNumber: string;
  name: string | null;
  sex: Code<typeof Sex> | null;
  birthDate: string | null;
  relationship: Code<typeof Relationship> | null;
}

export interface HouseholdFact {
  number: string;
  address: string | null;
  updatedAt: Date | null;
  members: MemberFact[];
}

export interface PersonFacts {
  kind: "PERSON";
  idNumber: string;
  registered: boolean;
  deceased: boolean;
  name: string | null;
  sex: Code<typeof Sex> | null;
  birthDate: string | null;
  ethnicity: Code<typeof Ethnicity> | null;
  address: string | null;
  regionCode: string | null;
  maritalStatus: Code<typeof MaritalStatus> | null;
  relationshipToHead: Code<typeof Relationship> | null;
  recordKey: string | null;
  updatedAt: Date | null;
  household: HouseholdFact | null;
  licenses: LicenseFact[];
}

export interface OrganizationFacts {
  kind: "ORGANIZATION";
  creditCode: string;
  name: string | null;
  legalRepresentative: string | null;
  address: string | null;
  recordKey: string | null;
  updatedAt: Date | null;
  licenses: LicenseFact[];
}

export type ApplicantFacts = PersonFacts | OrganizationFacts;

type Json = Record<string, unknown>;

/** The person's facts; `idNumber` is the key the reference resolver already checked. */
export function personFacts(idNumber: string, representation: Json): PersonFacts {
  const need = required("Person", idNumber, representation);
  const household = representation.household;
  return {
    kind: "PERSON",
    idNumber,
    registered: need("registered", "boolean") as boolean,
    deceased: need("deceased", "boolean") as boolean,
    name: text(representation.name),
    sex: code(Sex, representation.sex),
    birthDate: text(representation.birthDate),
    ethnicity: code(Ethnicity, representation.ethnicity),
    address: text(representation.address),
    regionCode: isObject(representation.region) ? text(representation.region.code) : null,
    maritalStatus: code(MaritalStatus, representation.maritalStatus),
    relationshipToHead: code(Relationship, representation.relationshipToHead),
    recordKey: text(representation.recordKey),
    updatedAt: date(representation.updatedAt),
    household: isObject(household) && text(household.number) ? toHousehold(household) : null,
    licenses: (need("licenseEvidence", "array") as unknown[]).filter(isObject).flatMap(toLicense),
  };
}

export function organizationFacts(creditCode: string, representation: Json): OrganizationFacts {
  const need = required("Organization", creditCode, representation);
  return {
    kind: "ORGANIZATION",
    creditCode,
    name: text(representation.name),
    legalRepresentative: text(representation.legalRepresentative),
    address: text(representation.address),
    recordKey: text(representation.recordKey),
    updatedAt: date(representation.updatedAt),
    licenses: (need("licenseEvidence", "array") as unknown[]).filter(isObject).flatMap(toLicense),
  };
}

// Private: a field readiness cannot do without. Its absence means the representation did
// not come through the @requires plan (a hand-written _entities call, or a gateway on an
// older supergraph): answering would turn "not sent" into "not registered".
function required(typename: string, key: string, representation: Json) {
  return (field: string, kind: "boolean" | "array"): unknown => {
    const value = representation[field];
    const ok = kind === "array" ? Array.isArray(value) : typeof value === "boolean";
    if (!ok) {
      throw new BadUserInputError(
        `representation of ${typename} "${key}" lacks ${field} (${kind}); readiness needs every field of its @requires selection, which the gateway fetches from the registry and the licence library`,
        { typename, key, field, rule: "requires" },
      );
    }
    return value;
  };
}

function toHousehold(h: Json): HouseholdFact {
  const members = Array.isArray(h.members) ? h.members.filter(isObject) : [];
  return {
    number: text(h.number)!,
    address: text(h.address),
    updatedAt: date(h.updatedAt),
    members: members.flatMap((m) => {
      const idNumber = text(m.idNumber);
      if (!idNumber) return [];
      return [{ idNumber, name: text(m.name), sex: code(Sex, m.sex), birthDate: text(m.birthDate), relationship: code(Relationship, m.relationshipToHead) }];
    }),
  };
}

// A licence without an identifier or type cannot satisfy or explain anything: dropped.
function toLicense(l: Json): LicenseFact[] {
  const licenseId = text(l.licenseId);
  const typeCode = text(l.typeCode);
  if (!licenseId || !typeCode) return [];
  return [{
    licenseId,
    typeCode,
    typeName: text(l.typeName),
    number: text(l.number),
    holderName: text(l.holderName),
    issuer: text(l.issuer),
    issuedOn: text(l.issuedOn),
    validUntil: text(l.validUntil),
    status: code(LicenseStatus, l.status),
    outcome: text(l.outcome) ?? "NOT_FOUND",
    receipt: text(l.receipt),
    checkedAt: date(l.checkedAt),
    updatedAt: date(l.updatedAt),
  }];
}

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A string with content, trimmed; anything else is "no value". */
function text(value: unknown): string | null {
  if (typeof value !== "string") return null;
  const trimmed = value.trim();
  return trimmed === "" ? null : trimmed;
}

function date(value: unknown): Date | null {
  const s = text(value);
  if (!s) return null;
  const d = new Date(s);
  return Number.isNaN(d.getTime()) ? null : d;
}

// An enum name the table does not know is kept as UNRECOGNIZED, as the owning subgraph
// would have answered for a code outside its table.
function code<V extends string>(table: CodeTable<V>, value: unknown): V | typeof UNRECOGNIZED | null {
  const s = text(value);
  if (!s) return null;
  return s in table.enum ? (s as V | typeof UNRECOGNIZED) : UNRECOGNIZED;
}
