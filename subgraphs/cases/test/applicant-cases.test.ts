import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { ACME, LI, NOBODY, PILOT_ERA, WANG } from "./fixtures.js";
import { dataOf, openHarness, type Harness } from "./harness.js";

const PERSON_CASES = `query($id: ID!, $status: [CaseStatus!], $first: Int, $after: String) {
  _entities(representations: [{ __typename: "Person", idNumber: $id }]) {
    ... on Person { idNumber cases(status: $status, first: $first, after: $after) {
      totalCount nodes { number status } pageInfo { hasNextPage endCursor } } }
  }
}`;

interface Page {
  totalCount: number;
  nodes: { number: string; status: string | null }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

describe.each(ENGINES)("applicants' cases on %s", (engine) => {
  let h: Harness;
  const personCases = async (variables: Record<string, unknown>): Promise<Page> => dataOf(await h.run(PERSON_CASES, variables))._entities[0].cases;

  beforeAll(async () => {
    h = await openHarness(engine);
  });
  afterAll(() => h?.dispose());

  test("newest first, paged by cursor; ties broken by microsecond then case number; no acceptance time last", async () => {
    const numbers = (p: Page) => p.nodes.map((n) => n.number);
    const first = await personCases({ id: WANG, first: 2 });
    expect(numbers(first)).toEqual(["BJ20240601001", "BJ20240510001"]);
    expect(first.totalCount).toBe(5);
    expect(first.pageInfo.hasNextPage).toBe(true);

    const second = await personCases({ id: WANG, first: 2, after: first.pageInfo.endCursor });
    expect(numbers(second)).toEqual(["BJ20240510002", "BJ20240301001"]);
    expect(second).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true } });

    const third = await personCases({ id: WANG, first: 2, after: second.pageInfo.endCursor });
    expect(numbers(third)).toEqual(["BJ00000000001"]);
    expect(third).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: false } });

    const beyond = await personCases({ id: WANG, first: 2, after: third.pageInfo.endCursor });
    expect(beyond).toEqual({ totalCount: 5, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
  });

  test("the default page holds all five, statuses decoded (99 → UNRECOGNIZED)", async () => {
    const page = await personCases({ id: WANG });
    expect(page.nodes.map((n) => n.status)).toEqual(["UNRECOGNIZED", "PROCESSING", "ACCEPTED", "COMPLETED", "RETURNED_FOR_CORRECTION"]);
    expect(page.pageInfo.hasNextPage).toBe(false);
  });

  test.each([
    [["COMPLETED"], ["BJ20240301001"]],
    [["ACCEPTED", "PROCESSING"], ["BJ20240510001", "BJ20240510002"]],
    [["UNRECOGNIZED"], ["BJ20240601001"]], // codes outside the status table
    [["REVIEWING"], []],
    [[], ["BJ20240601001", "BJ20240510001", "BJ20240510002", "BJ20240301001", "BJ00000000001"]],
  ])("status filter %j; totalCount counts the filtered cases", async (status, expected) => {
    const page = await personCases({ id: WANG, status });
    expect(page.nodes.map((n) => n.number)).toEqual(expected);
    expect(page.totalCount).toBe(expected.length);
  });

  test("totalCount counts every page of the filter, not the page", async () => {
    const page = await personCases({ id: WANG, status: ["ACCEPTED", "PROCESSING", "COMPLETED"], first: 1 });
    expect(page).toMatchObject({ totalCount: 3, nodes: [{ number: "BJ20240510001" }], pageInfo: { hasNextPage: true } });
  });

  test("organisations by credit code; a pilot-era code failing its check character is accepted", async () => {
    const { _entities } = dataOf(
      await h.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { creditCode cases { totalCount nodes { number applicant { ... on Organization { creditCode } } } } } } }`, {
        r: [{ __typename: "Organization", creditCode: ACME }, { __typename: "Organization", creditCode: PILOT_ERA }],
      }),
    );
    expect(_entities[0]).toEqual({
      creditCode: ACME,
      cases: { totalCount: 2, nodes: [{ number: "BJ20240202001", applicant: { creditCode: ACME } }, { number: "BJ20240201001", applicant: { creditCode: ACME } }] },
    });
    expect(_entities[1]).toEqual({ creditCode: PILOT_ERA, cases: { totalCount: 0, nodes: [] } });
  });

  test("a person without cases has an empty connection; a lower-case x is normalised", async () => {
    expect(await personCases({ id: NOBODY })).toEqual({ totalCount: 0, nodes: [], pageInfo: { hasNextPage: false, endCursor: null } });
    const { _entities } = dataOf(await h.run(PERSON_CASES, { id: WANG.toLowerCase() }));
    expect(_entities[0]).toMatchObject({ idNumber: WANG, cases: { totalCount: 5 } });
  });

  test.each([
    ["11010519491231002Y", "format"],
    ["11010519491231001X", "check-digit"],
    ["1101051949123100", "length"],
    ["99010519491231002X", "region"],
    ["11010519491331002X", "date"],
  ])("a malformed ID number %s in a representation is refused (%s); the silo is not asked", async (idNumber, rule) => {
    const { result, statements } = await countStatements([h.silo], () => h.run(PERSON_CASES, { id: idNumber }));
    expect(statements).toHaveLength(0);
    expect(result.data?._entities).toEqual([null]);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idNumber", rule });
    expect(result.errors?.[0].message).toContain(idNumber);
  });

  test("one malformed representation does not spoil the others", async () => {
    const result = await h.run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { cases { totalCount } } } }`, {
      r: [{ __typename: "Person", idNumber: LI }, { __typename: "Person", idNumber: "123" }, { __typename: "Organization", creditCode: "91110000600O37341L" }],
    });
    expect(result.data?._entities).toEqual([{ cases: { totalCount: 1 } }, null, null]);
    expect(result.errors?.map((e) => e.extensions?.rule)).toEqual(["length", "charset"]);
  });

  test.each([0, 101, -5])("first: %d is refused with the rule, before any SQL", async (first) => {
    const { result, statements } = await countStatements([h.silo], () => h.run(PERSON_CASES, { id: WANG, first }));
    expect(statements).toHaveLength(0);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "first", value: first, rule: "range" });
    expect(result.errors?.[0].message).toContain(`${first}`);
    expect(result.errors?.[0].message).toContain("1 to 100");
  });

  test.each([
    "not a cursor!",
    "abc",
    Buffer.from(JSON.stringify(["yesterday", "BJ1"])).toString("base64url"),
    Buffer.from(JSON.stringify({ at: "2024-01-01T00:00:00.000000Z" })).toString("base64url"),
  ])("a malformed cursor %j is a BAD_USER_INPUT naming it", async (after) => {
    const { result, statements } = await countStatements([h.silo], () => h.run(PERSON_CASES, { id: WANG, after }));
    expect(statements).toHaveLength(0);
    expect(result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "after", value: after, rule: "cursor" });
    expect(result.errors?.[0].message).toContain(after);
  });
});
