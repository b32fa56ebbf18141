// The pull-once performance contract: licenseEvidence for any number of holders — persons
// and organisations together — is ONE statement that reads every licence and writes
// every 调取 usage record (design.md §7), with the records the answer implies.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { EVIDENCE, insertEvidenceFixtures, pullsFor, type Evidence } from "./evidence.support.js";
import { manyPersons, ORG, PERSON } from "./fixtures.js";
import { entitiesQuery } from "./support.js";
import { verifyingExecutor } from "./verification.support.js";

const QUERY = entitiesQuery(`... on Person { idNumber ${EVIDENCE} } ... on Organization { creditCode ${EVIDENCE} }`);

describe.each(ENGINES)("licence evidence batching on %s", (engine) => {
  let test: TestSilo;
  let run: ReturnType<typeof verifyingExecutor>;
  const many = manyPersons(300);

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertEvidenceFixtures(test.silo, many.licenses);
    run = verifyingExecutor(await buildLicensesSchema(), test.silo, await createEphemeralReceiptSigner());
  });
  afterAll(() => test?.dispose());

  it.each([1, 30, 300])("%i persons plus 3 organisations: one statement, one 调取 record per VALID licence", async (n) => {
    const purpose = `batch-${n}`;
    const representations = [
      ...many.idNumbers.slice(0, n).map((idNumber) => ({ __typename: "Person", idNumber })),
      ...[ORG.jiazhou, ORG.pilot, ORG.unknown].map((creditCode) => ({ __typename: "Organization", creditCode })),
    ];
    const { result, statements } = await countStatements([test.silo], () =>
      run(QUERY, { r: representations }, { purpose, window: { id: "W-1", scopes: [] } }),
    );
    expect(result.errors).toBeUndefined();
    const entities = result.data!._entities as { idNumber?: string; creditCode?: string; licenseEvidence: Evidence[] }[];
    expect(entities.map((e) => e.idNumber ?? e.creditCode)).toEqual(representations.map((r) => ("idNumber" in r ? r.idNumber : r.creditCode)));
    expect(entities.slice(0, n).flatMap((e) => e.licenseEvidence)).toHaveLength(many.licenses.filter((l) => many.idNumbers.slice(0, n).includes(l.czztdm!)).length);
    expect(statements).toHaveLength(1);
    expect(statements[0].text).toMatch(/INSERT INTO dzzz_yzjl/);
    const valid = entities.flatMap((e) => e.licenseEvidence).filter((e) => e.outcome === "VALID");
    expect(valid.length).toBeGreaterThanOrEqual(n);
    expect((await pullsFor(test.silo, purpose)).map((p) => p.zzbs)).toEqual(valid.map((e) => e.licenseId).sort());
  });

  it("a holder asked twice in one request is read and recorded once; the next request records again", async () => {
    const twice = [PERSON.wang, PERSON.wang.toLowerCase(), PERSON.wang].map((idNumber) => ({ __typename: "Person", idNumber }));
    const first = await countStatements([test.silo], () => run(QUERY, { r: twice }, { purpose: "twice" }));
    expect(first.result.errors).toBeUndefined();
    expect(first.statements).toHaveLength(1);
    const records = await pullsFor(test.silo, "twice");
    expect(records).toHaveLength(1); // 王小明 holds one VALID licence
    await run(QUERY, { r: twice.slice(0, 1) }, { purpose: "twice" });
    expect(await pullsFor(test.silo, "twice")).toHaveLength(2);
  });
});
