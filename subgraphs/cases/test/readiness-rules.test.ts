// The readiness rules as pure functions (no silo): the corners the in-process tests do
// not reach — codes outside their tables, outcomes that cannot describe one's own licence,
// facts the gateway failed to send, organisations the licence library does not know.
import { describe, expect, test } from "vitest";
import { computeReadiness } from "../src/readiness/compute.js";
import { organizationFacts, personFacts } from "../src/readiness/facts.js";
import { judgeMaterial } from "../src/readiness/materials.js";
import type { MaterialRecord, MatterRecord } from "../src/source/index.js";
import { ACME, ID_CARD, WANG } from "./fixtures.js";
import { evidence, organizationRepresentation, personRepresentation } from "./readiness-fixtures.js";

const material = (overrides: Partial<MaterialRecord> = {}): MaterialRecord => ({
  matterCode: "M", code: "CL01", name: "居民身份证", licenseType: { code: ID_CARD }, registryFields: ["ID_NUMBER", "NAME", "SEX"],
  required: true, commitmentAllowed: false, deferralAllowed: false, ...overrides,
});
const MATTER: MatterRecord = { code: "M", name: "测试事项", department: "测试局", kind: "PROMISED", statutoryDays: 5, promisedDays: 3, applicantKind: null };

describe("readiness rules", () => {
  test("a code outside its table is no usable registry value (nor a prefill)", () => {
    const person = personFacts(WANG, personRepresentation(WANG, { sex: "SOMETHING_ELSE" }));
    expect(person.sex).toBe("UNRECOGNIZED");
    expect(judgeMaterial(material(), person)).toMatchObject({ satisfied: false, reason: "NO_LICENSE", reasonText: expect.stringContaining("人口库中缺少：性别") });
    const { answer } = computeReadiness({ id: "x", applicant: person, matter: MATTER, materials: [], now: new Date(0), asker: { window: null, department: null, purpose: null } });
    expect(answer.prefill.find((p) => p.field === "SEX")).toMatchObject({ value: null, code: null });
  });

  test("HOLDER_MISMATCH / NOT_FOUND entries neither satisfy nor explain: NO_LICENSE", () => {
    const person = personFacts(WANG, personRepresentation(WANG, { registered: false, licenseEvidence: [evidence(ID_CARD, "HOLDER_MISMATCH"), evidence(ID_CARD, "NOT_FOUND")] }));
    expect(judgeMaterial(material(), person)).toMatchObject({ satisfied: false, reason: "NO_LICENSE" });
  });

  test("the newest-ending non-valid licence explains: a lost current card over an old expired one", () => {
    const person = personFacts(WANG, personRepresentation(WANG, {
      registered: false,
      licenseEvidence: [evidence(ID_CARD, "EXPIRED", { validUntil: "2015-01-01" }), evidence(ID_CARD, "REPORTED_LOST", { validUntil: "2035-01-01" })],
    }));
    expect(judgeMaterial(material(), person).reason).toBe("LICENSE_REPORTED_LOST");
  });

  test("a licence of another type does not satisfy", () => {
    const person = personFacts(WANG, personRepresentation(WANG, { registered: false, licenseEvidence: [evidence("11100000000013338W002", "VALID")] }));
    expect(judgeMaterial(material({ registryFields: [] }), person)).toMatchObject({ satisfied: false, reason: "NO_LICENSE" });
  });

  test("no required material → ready; acceptable methods follow the code table's order", () => {
    const person = personFacts(WANG, personRepresentation(WANG));
    const optional = material({ licenseType: null, registryFields: [], required: false, commitmentAllowed: true, deferralAllowed: true });
    const { answer } = computeReadiness({ id: "x", applicant: person, matter: MATTER, materials: [optional], now: new Date(0), asker: { window: null, department: null, purpose: null } });
    expect(answer.ready).toBe(true);
    expect(answer.materials[0]!.acceptableMethods).toEqual(["COMMITMENT", "DEFERRED", "PAPER", "UPLOAD"]);
  });

  test("an organisation the licence library does not know gets no prefill", () => {
    const org = organizationFacts(ACME, organizationRepresentation(ACME, { name: null, legalRepresentative: null, address: null, recordKey: null, updatedAt: null }));
    const { answer } = computeReadiness({ id: "x", applicant: org, matter: MATTER, materials: [], now: new Date(0), asker: { window: null, department: null, purpose: null } });
    expect(answer.prefill).toEqual([]);
  });

  test("facts the gateway did not send are refused, not read as 'not registered'", () => {
    expect(() => personFacts(WANG, { idNumber: WANG, deceased: false, licenseEvidence: [] })).toThrow(/lacks registered \(boolean\)/);
    expect(() => organizationFacts(ACME, { creditCode: ACME })).toThrow(/lacks licenseEvidence \(array\)/);
  });
});
