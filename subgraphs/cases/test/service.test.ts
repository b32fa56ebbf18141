// The subgraph as a real HTTP service on port 0, and its SDL against the contract the
// gateway and the other subgraphs rely on.
import { Kind, parse, type ObjectTypeDefinitionNode, type EnumTypeDefinitionNode, type UnionTypeDefinitionNode, print } from "graphql";
import { buildCasesSchema, MIGRATIONS, startCasesService } from "../src/server.js";
import { testServices } from "./services.js";
import { subgraphSdl, type RunningServer } from "@onceonly/shared";
import { afterAll, afterEach, beforeAll, describe, expect, test } from "vitest";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { FIXTURES, loadFixtures, WANG } from "./fixtures.js";

describe.each(ENGINES)("cases service on %s", (engine) => {
  let silo: TestSilo;
  let server: RunningServer | undefined;
  beforeAll(async () => {
    silo = await openTestSilo(engine, "cases", MIGRATIONS);
    await loadFixtures(silo.silo, FIXTURES);
  });
  afterEach(async () => {
    await server?.close();
    server = undefined;
  });
  afterAll(() => silo?.dispose());

  test("answers GraphQL over HTTP and /healthz", async () => {
    const running = (server = await startCasesService({ silo: silo.silo, port: 0, services: testServices(), signing: TEST_SIGNING }));
    expect(running.port).toBeGreaterThan(0);
    const response = await signedFetch(running.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-purpose": "HYDJ-001" },
      body: JSON.stringify({
        query: `query($n: ID!) { case(number: $n) { number status applicant { ... on Person { idNumber } } matter { name } } }`,
        variables: { n: "BJ20240301001" },
      }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      data: { case: { number: "BJ20240301001", status: "COMPLETED", applicant: { idNumber: WANG }, matter: { name: "婚姻登记" } } },
    });

    const health = await fetch(new URL("/healthz", running.url));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });
  });

  test("a refused argument is a 200 with a BAD_USER_INPUT error, without stack traces", async () => {
    const running = (server = await startCasesService({ silo: silo.silo, port: 0, services: testServices(), signing: TEST_SIGNING }));
    const response = await signedFetch(running.url, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ query: `{ case(number: "no/such") { number } }` }),
    });
    const body = (await response.json()) as { errors: { extensions: Record<string, unknown> }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", rule: "charset", value: "no/such" });
    expect(body.errors[0].extensions.stacktrace).toBeUndefined();
  });
});

// The contract other packages compose against: names, types, arguments, keys.
const CONTRACT = `
enum RegistryField { ID_NUMBER NAME SEX ETHNICITY BIRTH_DATE ADDRESS REGION MARITAL_STATUS HOUSEHOLD RELATIONSHIP_TO_HEAD DECEASED }
type LicenseType @key(fields: "code", resolvable: false) { code: ID! }
type License @key(fields: "id", resolvable: false) { id: ID! }
type Matter @key(fields: "code") {
  code: ID! name: String! department: String kind: MatterKind statutoryDays: Int promisedDays: Int materials: [Material!]! members: [Matter!]!
}
type Material { code: ID! name: String! licenseType: LicenseType registryFields: [RegistryField!]! required: Boolean! commitmentAllowed: Boolean! deferralAllowed: Boolean! }
union Applicant = Person | Organization
type Case @key(fields: "number") {
  number: ID! matter: Matter applicant: Applicant applicantName: String acceptedAt: DateTimeISO window: String
  promisedBy: DateTimeISO status: CaseStatus completedAt: DateTimeISO result: CaseResult evaluation: Evaluation
  materials: [CaseMaterial!]! timeline: [CaseEvent!]! evaluatedAt: DateTimeISO evaluationComment: String
  overdue: Boolean! workingDaysLeft: Int clockPaused: Boolean! bundle: Case members: [Case!]!
}
type CaseMaterial { code: ID! name: String method: SubmissionMethod licenseId: ID license: License }
type CaseEvent { status: CaseStatus at: DateTimeISO! window: String handler: String opinion: String }
type Person @key(fields: "idNumber") { idNumber: ID! registered: Boolean! deceased: Boolean! name: String sex: Sex birthDate: LocalDate ethnicity: Ethnicity address: String region: Region maritalStatus: MaritalStatus relationshipToHead: Relationship recordKey: ID updatedAt: DateTimeISO household: Household licenseEvidence: [LicenseEvidence!]! readiness(matterCode: ID!): Readiness cases(status: [CaseStatus!], first: Int = 20, after: String): CaseConnection! qualityApplicantCheck: QualityApplicantCheck! }
type Organization @key(fields: "creditCode") { creditCode: ID! name: String legalRepresentative: String address: String recordKey: ID updatedAt: DateTimeISO licenseEvidence: [LicenseEvidence!]! readiness(matterCode: ID!): Readiness cases(status: [CaseStatus!], first: Int = 20, after: String): CaseConnection! }
type CaseConnection { nodes: [Case!]! pageInfo: PageInfo! totalCount: Int! }
type PageInfo @shareable { hasNextPage: Boolean! endCursor: String }
type Query {
  matter(code: ID!): Matter matters: [Matter!]! case(number: ID!): Case sharingStats(from: LocalDate!, to: LocalDate!, groupBy: SharingGroupBy!): SharingStats!
  casesQualityScan(asOf: LocalDate!, after: String, first: Int = 20000): QualityScanPage!
  qualityCaseApplicants(asOf: LocalDate!, after: String, first: Int = 2000, part: Int = 0, parts: Int = 1): QualityCaseApplicantPage!
  qualityHandedOverMaterials(after: String, first: Int = 2000): QualityHandedOverMaterialPage!
}
type Mutation {
  advanceCase(number: ID!, to: CaseStatus!, opinion: String, result: CaseResult, handler: String): Case!
  evaluateCase(number: ID!, evaluation: Evaluation!, comment: String): Case!
  acceptCase(input: AcceptCaseInput!): Case!
}
`;

describe("cases SDL", () => {
  let sdl: string;
  beforeAll(async () => {
    sdl = subgraphSdl(await buildCasesSchema());
  });

  // Descriptions are free; everything a client or the composer reads must match.
  const shape = (node: ObjectTypeDefinitionNode | EnumTypeDefinitionNode | UnionTypeDefinitionNode): unknown => {
    switch (node.kind) {
      case Kind.ENUM_TYPE_DEFINITION:
        return (node.values ?? []).map((v) => v.name.value);
      case Kind.UNION_TYPE_DEFINITION:
        return (node.types ?? []).map((t) => t.name.value);
      default:
        return {
          directives: (node.directives ?? []).map((d) => print(d)),
          fields: (node.fields ?? []).map((f) => {
            const args = (f.arguments ?? []).map((a) => `${a.name.value}: ${print(a.type)}${a.defaultValue ? ` = ${print(a.defaultValue)}` : ""}`);
            return `${f.name.value}${args.length ? `(${args.join(", ")})` : ""}: ${print(f.type)}`;
          }),
        };
    }
  };
  const typesOf = (source: string) =>
    new Map(
      parse(source).definitions.flatMap((d) =>
        d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.ENUM_TYPE_DEFINITION || d.kind === Kind.UNION_TYPE_DEFINITION ? [[d.name.value, shape(d)] as const] : [],
      ),
    );

  test.each([...typesOf(CONTRACT).keys()])("%s is exactly as contracted", (name) => {
    expect(typesOf(sdl).get(name)).toEqual(typesOf(CONTRACT).get(name));
  });
});
