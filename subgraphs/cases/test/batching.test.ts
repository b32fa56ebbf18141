// The promise: a gateway query over 100 persons with their cases costs one
// statement per entity type against the case silo, whatever the list sizes.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { countStatements, ENGINES } from "../../../test/support/silos.js";
import { manyApplicants, WANG } from "./fixtures.js";
import { dataOf, openHarness, type Harness } from "./harness.js";

const many = manyApplicants(100);

describe.each(ENGINES)("batching on %s", (engine) => {
  let h: Harness;
  beforeAll(async () => {
    h = await openHarness(engine, [many]);
  });
  afterAll(() => h?.dispose());

  test("_entities for 100 persons with cases, their matters and materials: exactly 3 statements", async () => {
    const { result, statements } = await countStatements([h.silo], () =>
      h.run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
           cases { totalCount nodes { number status matter { name } materials { method } } } } } }`,
        { r: many.idNumbers.map((idNumber) => ({ __typename: "Person", idNumber })) },
      ),
    );
    const entities = dataOf(result)._entities as { cases: { totalCount: number; nodes: { number: string; status: string; matter: { name: string }; materials: { method: string }[] }[] } }[];
    expect(entities).toHaveLength(100);
    entities.forEach((person, i) => {
      expect(person.cases.totalCount).toBe(2);
      expect(person.cases.nodes).toEqual([
        { number: `MANY${i}B`, status: "COMPLETED", matter: { name: "婚姻登记" }, materials: [{ method: "SHARED_DATA" }] },
        { number: `MANY${i}A`, status: "ACCEPTED", matter: { name: "企业开办" }, materials: [{ method: "SHARED_DATA" }] },
      ]);
    });
    expect(statements).toHaveLength(3);
    const tables = statements.map((s) => s.text.match(/FROM (sp_\w+)/)?.[1]).sort();
    expect(tables).toEqual(["sp_bj", "sp_bjcl", "sp_sxml"]);
  });

  test("same page arguments share one statement; different ones get their own", async () => {
    const { result, statements } = await countStatements([h.silo], () =>
      h.run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Person {
           a: cases(first: 1) { totalCount } b: cases(first: 1) { totalCount }
           done: cases(status: [COMPLETED]) { totalCount } } } }`,
        { r: [WANG, ...many.idNumbers.slice(0, 10)].map((idNumber) => ({ __typename: "Person", idNumber })) },
      ),
    );
    const entities = dataOf(result)._entities as { a: { totalCount: number }; done: { totalCount: number } }[];
    expect(entities[0]).toEqual({ a: { totalCount: 5 }, b: { totalCount: 5 }, done: { totalCount: 1 } });
    expect(entities[1]).toEqual({ a: { totalCount: 2 }, b: { totalCount: 2 }, done: { totalCount: 1 } });
    expect(statements).toHaveLength(2);
  });

  test("a case listed on a page is not read again when asked for by number", async () => {
    const { statements } = await countStatements([h.silo], () =>
      h.run(`{ _entities(representations: [{ __typename: "Person", idNumber: "${WANG}" }]) { ... on Person { cases(first: 1) { nodes { number } } } } }`),
    );
    expect(statements).toHaveLength(1);
  });
});
