// The policy step without a network: the real supergraph's declarations, an operation,
// a made-up gateway result — what is withheld before the fetch, what is bound to the
// purpose, what is masked, and what the audit is told.
import { readFileSync } from "node:fs";
import { Supergraph } from "@apollo/federation-internals";
import { parse, type DocumentNode, type FieldNode } from "graphql";
import { describe, expect, it } from "vitest";
import type { Caller } from "../src/auth/caller.js";
import { DEFAULT_SUPERGRAPH_PATH, WINDOW_LOOKUP_QUERY } from "../src/server.js";
import { isPersonal, judgeField } from "../src/policy/policy-gateway.js";
import { PurposeResolver, type PurposeState } from "../src/policy/purpose.js";
import { rewriteOperation } from "../src/policy/rewrite.js";
import { shapeAnswer } from "../src/policy/shape.js";
import { readPolicies, supergraphForExecution } from "../src/policy/supergraph.js";
import { maskAddress, maskIdNumber } from "../src/policy/masking.js";

const sdl = readFileSync(DEFAULT_SUPERGRAPH_PATH, "utf8");
const policies = readPolicies(sdl);
const schema = Supergraph.build(supergraphForExecution(sdl)).apiSchema().toGraphQLJSSchema();

const APPLICANT = "11010519491231002X";
const MEMBER = "440524188001010014";
const WINDOW_SCOPES = ["registry:read", "licenses:read", "cases:read", "cases:write"];
const caller = (scopes: string[], window = "LS-W01"): Caller => ({ window, department: "乐山市市中区政务服务中心", region: "511102", scopes: new Set(scopes), tokenId: null });
const matter: PurposeState = { kind: "matter", purpose: "MATTER-1" };

/** What the gateway would have fetched for the rewritten window lookup. */
function fetched(applicant = APPLICANT) {
  return {
    person: {
      oo__subject: applicant,
      idNumber: applicant,
      name: "张三",
      sex: "MALE",
      ethnicity: "HAN",
      birthDate: "1949-12-31",
      address: "四川省乐山市市中区张公桥街12号",
      region: { code: "511102", name: "市中区" },
      maritalStatus: "MARRIED",
      deceased: false,
      household: {
        number: "511102000000001",
        type: "FAMILY",
        address: "四川省乐山市市中区张公桥街12号",
        members: [
          { oo__subject: applicant, idNumber: applicant, name: "张三", relationshipToHead: "HEAD" },
          { oo__subject: MEMBER, idNumber: MEMBER, name: "李四", relationshipToHead: "SPOUSE" },
        ],
      },
      licenses: [],
      cases: { totalCount: 0, nodes: [] },
    },
  };
}

async function run(document: DocumentNode, who: Caller, purpose: PurposeState, variables: Record<string, unknown>, data = fetched()) {
  const rewritten = rewriteOperation(schema, document, policies, (coordinate, requirements, node) => judgeField(coordinate, requirements, who, purpose, null), isPersonal);
  const typed = new Set(Object.values(variables).filter((v): v is string => typeof v === "string"));
  const shaped = await shapeAnswer({ schema, document, operationName: null, variables, data, denied: rewritten.denied, policies, isPersonal, caller: who, purpose, typedSubjects: typed });
  return { rewritten, shaped };
}

describe("the policy step", () => {
  const lookup = parse(WINDOW_LOOKUP_QUERY);

  it("reads the subgraphs' declarations from the supergraph and hands Apollo a copy without the SECURITY marker", () => {
    expect(policies.get("Person.name")).toEqual({ authenticated: false, scopes: [["registry:read"]], policies: [["personal"]] });
    expect(policies.get("Query.verifyLicense")?.scopes).toEqual([["licenses:read"], ["licenses:verify"]]);
    expect(sdl).toMatch(/requiresScopes\/v0\.1", for: SECURITY/);
    // The three specs this gateway enforces lose the marker; @inaccessible (hidden join keys
    // such as LicenseHolding's) keeps it: Apollo enforces that one itself.
    expect(supergraphForExecution(sdl)).not.toMatch(/(requiresScopes|authenticated|policy)\/v[0-9.]+", for: SECURITY/);
    expect(supergraphForExecution(sdl).match(/for: SECURITY/g) ?? []).toHaveLength((sdl.match(/inaccessible\/v[0-9.]+", for: SECURITY/g) ?? []).length);
  });

  it("lets a window read its applicant and the household, masked without the PII scope, and tells the audit", async () => {
    const { rewritten, shaped } = await run(lookup, caller(WINDOW_SCOPES), matter, { idNumber: APPLICANT });
    expect(rewritten.denied.size).toBe(0);
    expect(shaped.errors).toEqual([]);
    const person = (shaped.data as { person: Record<string, any> }).person;
    expect(person.idNumber).toBe("110105********002X");
    expect(person.address).toBe("四川省乐山市市中区****");
    expect(person.name).toBe("张三");
    expect(person.household.members.map((m: { idNumber: string }) => m.idNumber)).toEqual([maskIdNumber(APPLICANT), maskIdNumber(MEMBER)]);
    expect("oo__subject" in person).toBe(false);
    expect([...shaped.subjects].sort()).toEqual([APPLICANT, MEMBER].sort());
    expect(shaped.fields).toContain("Person.name");
    expect(shaped.fields).toContain("Household.address");
  });

  it("shows the PII scope the values unmasked", async () => {
    const { shaped } = await run(lookup, caller([...WINDOW_SCOPES, "registry:read:pii"]), matter, { idNumber: APPLICANT });
    const person = (shaped.data as { person: Record<string, any> }).person;
    expect(person.idNumber).toBe(APPLICANT);
    expect(person.address).toBe("四川省乐山市市中区张公桥街12号");
  });

  it("withholds every personal field without a purpose, before the fetch, each with a FORBIDDEN error naming it", async () => {
    const { rewritten, shaped } = await run(lookup, caller(WINDOW_SCOPES), { kind: "none" }, { idNumber: APPLICANT }, { person: { oo__subject: APPLICANT } } as never);
    const withheld = [...rewritten.denied.values()].map((d) => d.field);
    expect(withheld).toContain("Person.name");
    expect(withheld).toContain("Person.household");
    const names = (rewritten.document.definitions[0] as unknown as { selectionSet: { selections: FieldNode[] } }).selectionSet.selections[0].selectionSet!.selections.map((s) => (s as FieldNode).name.value);
    expect(names).not.toContain("name");
    expect(withheld.every((field) => policies.get(field)?.policies)).toBe(true);
    expect([...rewritten.denied.values()].every((d) => d.code === "NO_PURPOSE")).toBe(true);
    // idNumber is ID!: its null reaches the nearest nullable parent, the person, with one
    // error at its path (graphql-js stops at the first non-null field that fails).
    expect(shaped.errors.map((e) => [e.extensions.code, e.extensions.reason, e.extensions.field, e.path])).toEqual([["FORBIDDEN", "NO_PURPOSE", "Person.idNumber", ["person", "idNumber"]]]);
    expect(shaped.data).toEqual({ person: null });
  });

  it("withholds a field whose scope the token lacks, naming the scope", async () => {
    const { rewritten, shaped } = await run(lookup, caller(["registry:read"]), matter, { idNumber: APPLICANT });
    const licences = [...rewritten.denied.values()].find((d) => d.field === "Person.licenses");
    expect(licences?.code).toBe("MISSING_SCOPE");
    expect(licences?.message).toMatch(/licenses:read/);
    expect(shaped.errors.find((e) => e.extensions.field === "Person.licenses")?.path).toEqual(["person", "licenses"]);
  });

  it("binds personal data to the purpose: with a matter, only ID numbers typed in (and their household)", async () => {
    const stranger = "11010519491231002X";
    const { shaped } = await run(lookup, caller(WINDOW_SCOPES), matter, { idNumber: "440524188001010014" }, fetched(stranger));
    expect(shaped.denials.some((d) => d.code === "NOT_PURPOSE_SUBJECT" && d.subject === stranger)).toBe(true);
    expect(shaped.errors[0].message).not.toContain(stranger);
    expect(shaped.subjects.has(stranger)).toBe(false);
    expect(shaped.data).toEqual({ person: null });
  });

  it("with a case as purpose, reads its applicant and household members, nobody else", async () => {
    const ownCase: PurposeState = { kind: "case", purpose: "SL2026112200000001", subjects: new Set([APPLICANT, MEMBER]) };
    const allowed = await run(lookup, caller(WINDOW_SCOPES), ownCase, { idNumber: MEMBER }, fetched(MEMBER));
    expect(allowed.shaped.denials).toEqual([]);
    const other = await run(lookup, caller(WINDOW_SCOPES), ownCase, { idNumber: "110101199003077774" }, fetched("110101199003077774"));
    expect(other.shaped.denials.length).toBeGreaterThan(0);
  });

  it("with the data-quality purpose, a steward reads every subject (and nobody else may use that purpose)", async () => {
    const governance: PurposeState = { kind: "governance", purpose: "DATA-QUALITY" };
    const steward = await run(lookup, caller(["quality:read", "registry:read", "licenses:read", "cases:read"], "LS-SJ-01"), governance, {}, fetched("110101199003077774"));
    expect(steward.shaped.denials).toEqual([]);
    const resolver = new PurposeResolver(async () => ({ data: {} }));
    expect(await resolver.resolve("DATA-QUALITY", caller(["quality:read"]))).toEqual(governance);
    expect(await resolver.resolve("DATA-QUALITY", caller(WINDOW_SCOPES))).toMatchObject({ kind: "invalid", reason: expect.stringMatching(/quality:read/) });
  });

  it("treats an all-digit credit code as an organisation's: not personal, not masked", async () => {
    const VERIFY = parse(`query V($input: VerifyLicenseInput!) { verifyLicense(input: $input) { outcome license { id holderCode } } }`);
    const creditCode = "915111023657049080"; // 18 digits, but no person's ID number
    const data = { verifyLicense: { outcome: "VALID", license: { oo__subject: creditCode, id: "L1", holderCode: creditCode } } };
    const { shaped } = await run(VERIFY, caller(WINDOW_SCOPES), matter, { input: { id: "L1", holderCode: creditCode } } as never, data as never);
    expect(shaped.errors).toEqual([]);
    expect(shaped.data).toEqual({ verifyLicense: { outcome: "VALID", license: { id: "L1", holderCode: creditCode } } });
  });

  it("masks ID numbers and addresses in the forms windows see", () => {
    expect(maskIdNumber("11010519491231002X")).toBe("110105********002X");
    expect(maskAddress("北京市东城区景山前街4号")).toBe("北京市东城区****");
    expect(maskAddress("内蒙古自治区霍林郭勒市珠斯花街道")).toBe("内蒙古自治区霍林郭勒市****");
  });
});
