// End to end through real servers: the gateway plans one request across the three
// department subgraphs; each silo sees one statement per entity type, however many
// persons are asked for.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeDemo } from "@onceonly/shared";
import { WINDOW_LOOKUP_QUERY } from "../../scripts/src/window-lookup.js";
import { countStatements, ENGINES } from "../support/silos.js";
import { startStack, type Stack } from "../support/stack.js";

const SEED = 42;

const MANY = `query Many($ids: [ID!]!) {
  persons(idNumbers: $ids) {
    idNumber name
    household { number members { idNumber name } }
    licenses { id type { name } status validUntil }
    cases { totalCount nodes { number status matter { name } } }
  }
}`;

describe.each(ENGINES)("window lookup through the gateway (%s silos)", (engine) => {
  let stack: Stack;
  let ids: string[];

  beforeAll(async () => {
    stack = await startStack(engine, { persons: 400, seed: SEED });
    const rows = await stack.silos.registry.query<{ gmsfhm: string }>(
      "SELECT DISTINCT gmsfhm FROM rk_jbxx WHERE gmsfhm IS NOT NULL ORDER BY gmsfhm LIMIT 100",
    );
    ids = rows.map((r) => r.gmsfhm);
  });
  afterAll(() => stack?.close());

  it("returns person, household members, licences and cases in one response", async () => {
    const { showcasePerson } = describeDemo(SEED);
    const result = await stack.graphql<{ person: any }>(WINDOW_LOOKUP_QUERY, { idNumber: showcasePerson });
    expect(result.errors).toBeUndefined();
    const person = result.data!.person;
    expect(person.idNumber).toBe(showcasePerson);
    expect(person.name).toMatch(/^\p{Script=Han}{2,4}$/u);
    expect(person.household.members.length).toBeGreaterThan(1);
    expect(person.household.members.map((m: { idNumber: string }) => m.idNumber)).toContain(showcasePerson);
    expect(person.licenses.length).toBeGreaterThanOrEqual(3);
    for (const licence of person.licenses) {
      expect(licence.type.name).toBeTruthy();
      expect(["VALID", "CANCELLED", "REVOKED", "REPORTED_LOST"]).toContain(licence.status);
      expect(licence.validFrom).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
    expect(person.cases.totalCount).toBeGreaterThanOrEqual(2);
    for (const c of person.cases.nodes) {
      expect(c.matter.name).toBeTruthy();
      expect(c.status).toMatch(/^[A-Z_]+$/);
    }
  });

  it("costs one statement per entity type per silo, whatever the list size", async () => {
    expect(ids.length).toBe(100);
    const silos = [stack.silos.registry, stack.silos.licenses, stack.silos.cases];
    const perSilo = async (n: number) => {
      const { result, statements } = await countStatements(silos, () => stack.graphql<{ persons: unknown[] }>(MANY, { ids: ids.slice(0, n) }));
      expect(result.errors).toBeUndefined();
      expect(result.data!.persons).toHaveLength(n);
      const count = (silo: string) => statements.filter((s) => s.silo === silo).length;
      return { registry: count("registry"), licenses: count("licenses"), cases: count("cases") };
    };
    // The request's purpose (a matter code) is checked against the catalogue once and kept
    // for 30 s: that statement belongs to the first request of a purpose, not to the lookup.
    await stack.graphql(MANY, { ids: ids.slice(0, 1) });
    const hundred = await perSilo(100);
    // registry: persons, households, household members; licences: licences, licence
    // types; cases: cases, matters.
    expect(hundred).toEqual({ registry: 3, licenses: 2, cases: 2 });
    expect(await perSilo(10)).toEqual(hundred);
  });

  it("refuses a malformed ID number with BAD_USER_INPUT naming the value and the rule, asking no silo", async () => {
    const silos = [stack.silos.registry, stack.silos.licenses, stack.silos.cases];
    const { result, statements } = await countStatements(silos, () =>
      stack.graphql(WINDOW_LOOKUP_QUERY, { idNumber: "110105194912310021" }),
    );
    expect(result.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(result.errors?.[0].message).toContain("110105194912310021");
    expect(result.errors?.[0].message).toMatch(/check character/);
    expect(statements).toHaveLength(0);
  });
});
