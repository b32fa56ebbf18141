// Person.licenseEvidence / Organization.licenseEvidence (pull once): every licence held,
// judged exactly as verifyLicense judges it for its own holder, VALID ones with a receipt
// and a 调取 usage record written by the lookup's own statement; never from a cache.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEphemeralReceiptSigner, encodeHeaderValue, LruEntityCache, verifyReceipt, type ReceiptSigner, type RunningServer } from "@onceonly/shared";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { signedFetch, TEST_SIGNING } from "../../../test/support/signing.js";
import { createContext } from "../src/context.js";
import { buildLicensesSchema, MIGRATIONS, startLicensesService } from "../src/server.js";
import { createSources, licenseCacheKey } from "../src/source/index.js";
import { graphql, type GraphQLSchema } from "graphql";
import { EVIDENCE, FUTURE, insertEvidenceFixtures, pullsFor, type Evidence } from "./evidence.support.js";
import { idNumber, ISSUER, licence, LICENSE, ORG, PERSON, TYPE, type LicenseRow } from "./fixtures.js";
import { entitiesQuery, type Result } from "./support.js";
import { TODAY, VERIFY_MANY, verifyingExecutor } from "./verification.support.js";

const WINDOW = { id: "LS-SZ-07", department: "乐山市市中区行政审批局", scopes: [] };
const person = (idNumber: string) => ({ __typename: "Person", idNumber });
const organization = (creditCode: string) => ({ __typename: "Organization", creditCode });
const QUERY = entitiesQuery(`... on Person { ${EVIDENCE} } ... on Organization { ${EVIDENCE} }`);

// The status × date grid proving the statement's recording rule and judge() agree.
const GRID_HOLDER = idNumber("51110219700707001");
const day = (offset: number) => new Date(Date.parse(`${TODAY}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);
const GRID: LicenseRow[] = (() => {
  const rows: LicenseRow[] = [];
  const statuses = ["有效", "注销", "吊销", "挂失", "XX", null];
  const dates = [null, day(-1), TODAY, day(1)];
  for (const status of statuses) for (const from of dates) for (const until of dates) {
    const base = licence({
      type: TYPE.drivingLicence, issuer: ISSUER.leshanTraffic, serial: `G${rows.length}`, number: `G-${rows.length}`,
      holder: ["网格", GRID_HOLDER, "111"], issued: "2020-01-01", until, status: "有效", updated: "2020-01-01T00:00:00+08:00",
    });
    rows.push({ ...base, zzzt: status, zzyxqqsrq: from });
  }
  return rows;
})();

describe.each(ENGINES)("licence evidence on %s", (engine) => {
  let test: TestSilo;
  let signer: ReceiptSigner;
  let schema: GraphQLSchema;
  let run: ReturnType<typeof verifyingExecutor>;
  // Each test pulls under a purpose of its own, so the usage records it reads are its own.
  let purposes = 0;
  const pull = async (representations: object[], purpose = `test-${++purposes}`) => {
    const result = await run(QUERY, { r: representations }, { window: WINDOW, purpose });
    return { result, purpose, lists: (result.data?._entities ?? []) as ({ licenseEvidence: Evidence[] } | null)[] };
  };

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertEvidenceFixtures(test.silo, GRID);
    signer = await createEphemeralReceiptSigner();
    schema = await buildLicensesSchema();
    run = verifyingExecutor(schema, test.silo, signer);
  });
  afterAll(() => test?.dispose());

  it("judges each licence: VALID / EXPIRED / REVOKED / CANCELLED / REPORTED_LOST / NOT_YET_VALID, newest first", async () => {
    const { result, lists } = await pull([person(PERSON.wang), person(PERSON.li), organization(ORG.jiazhou)]);
    expect(result.errors).toBeUndefined();
    const outcomes = lists.map((l) => l!.licenseEvidence.map((e) => [e.licenseId, e.outcome]));
    expect(outcomes).toEqual([
      [[FUTURE.zzbs, "NOT_YET_VALID"], [LICENSE.wangIdCard.zzbs, "VALID"], [LICENSE.wangDriving.zzbs, "EXPIRED"], [LICENSE.wangIdCardOld.zzbs, "CANCELLED"]],
      [[LICENSE.liHouse.zzbs, "VALID"], [LICENSE.liDriving.zzbs, "REVOKED"], [LICENSE.liIdCard.zzbs, "REPORTED_LOST"]],
      [[LICENSE.jiazhouHouse.zzbs, "VALID"], [LICENSE.jiazhou.zzbs, "VALID"], [LICENSE.jiazhouOld.zzbs, "CANCELLED"]],
    ]);
    const [wang] = lists[0]!.licenseEvidence.filter((e) => e.licenseId === LICENSE.wangIdCard.zzbs);
    expect(wang).toMatchObject({
      license: { id: LICENSE.wangIdCard.zzbs },
      typeCode: TYPE.idCard,
      typeName: "居民身份证",
      number: PERSON.wang,
      holderName: "王小明",
      issuer: ISSUER.leshanPsb.name,
      issuedOn: "2019-06-01",
      validUntil: "2039-06-01",
      status: "VALID",
      updatedAt: "2019-06-01T01:05:00.000Z",
    });
    // Stored 有效 yet past its date: the status says so, the outcome judges it.
    expect(lists[0]!.licenseEvidence[2]).toMatchObject({ status: "VALID", outcome: "EXPIRED", validUntil: "2021-08-15" });
    expect(lists[2]!.licenseEvidence[0]).toMatchObject({ validUntil: null, typeName: "不动产权证书" });
  });

  it("gives the outcome verifyLicense gives each licence shown by its own holder, and a receipt only when VALID", async () => {
    const { lists } = await pull([person(PERSON.wang), person(PERSON.li), organization(ORG.jiazhou), organization(ORG.pilot), person(GRID_HOLDER)]);
    const holders = [PERSON.wang, PERSON.li, ORG.jiazhou, ORG.pilot, GRID_HOLDER];
    const pairs = lists.flatMap((l, i) => l!.licenseEvidence.map((e) => ({ e, holderCode: holders[i] })));
    expect(pairs.length).toBe(4 + 3 + 3 + 1 + GRID.length);
    const verified = await run(VERIFY_MANY, { inputs: pairs.map(({ e, holderCode }) => ({ id: e.licenseId, holderCode })) });
    expect(verified.errors).toBeUndefined();
    expect(pairs.map(({ e }) => e.outcome)).toEqual(verified.data!.verifyLicenses.map((v: { outcome: string }) => v.outcome));
    for (const { e } of pairs) expect(e.receipt === null).toBe(e.outcome !== "VALID");
    // The grid covers every outcome the dates and stored statuses can give.
    expect(new Set(pairs.map(({ e }) => e.outcome))).toEqual(new Set(["VALID", "EXPIRED", "NOT_YET_VALID", "REVOKED", "CANCELLED", "REPORTED_LOST"]));
  });

  it("writes one 调取 usage record per VALID licence — and none for the rest — with the request's window and purpose", async () => {
    const purpose = "000127001000"; // a matter code: recorded as such
    const { result, lists } = await pull([person(PERSON.wang), person(PERSON.li), organization(ORG.jiazhou), person(GRID_HOLDER)], purpose);
    expect(result.errors).toBeUndefined();
    const valid = lists.flatMap((l) => l!.licenseEvidence).filter((e) => e.outcome === "VALID");
    expect(valid.length).toBeGreaterThan(4); // wang, li, jiazhou ×2, and the grid's
    const pulls = await pullsFor(test.silo, purpose);
    expect(pulls.map((p) => p.zzbs)).toEqual(valid.map((e) => e.licenseId).sort());
    for (const p of pulls) {
      expect(p).toMatchObject({ yzfs: "2", yzck: WINDOW.id, yzbm: WINDOW.department, sxbm: purpose, bjbh: null, yzmd: purpose });
      expect(p.yzsj.toISOString()).toBe(valid[0].checkedAt);
    }
  });

  it("answers an unknown holder with an empty list, in one statement that records nothing", async () => {
    const { result, statements } = await countStatements([test.silo], () => pull([person(PERSON.nobody), organization(ORG.unknown)], "nobody"));
    expect(result.result.errors).toBeUndefined();
    expect(result.lists).toEqual([
      { __typename: "Person", licenseEvidence: [] },
      { __typename: "Organization", licenseEvidence: [] },
    ]);
    expect(statements).toHaveLength(1);
    expect(await pullsFor(test.silo, "nobody")).toEqual([]);
  });

  it.each([
    ["Person", person(PERSON.wang.slice(0, 17) + (PERSON.wang.endsWith("0") ? "1" : "0")), { argument: "idNumber", rule: "check-digit" }],
    ["Organization", organization("91511100MA62K0TQ"), { argument: "creditCode", rule: "length" }],
  ])("refuses a malformed %s key with BAD_USER_INPUT, without any statement", async (_, representation, detail) => {
    const { result, statements } = await countStatements([test.silo], () => pull([representation]));
    expect(statements).toHaveLength(0);
    expect(result.lists).toEqual([null]);
    expect(result.result.errors?.[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", ...detail });
  });

  it("without a receipt signer, refuses before reading or recording anything", async () => {
    const unsigned = verifyingExecutor(schema, test.silo, undefined);
    const { result, statements } = await countStatements([test.silo], () => unsigned(QUERY, { r: [person(PERSON.wang)] }, { purpose: "unsigned" }));
    expect(result.errors?.[0].message).toMatch(/receipt signing is not configured/);
    expect(statements).toHaveLength(0);
  });

  it("reads the silo, never the entity cache: a revocation shows on the next pull even while the cached licence is stale", async () => {
    const cache = { cache: new LruEntityCache({ maxEntries: 100 }), ttlSeconds: 60 };
    const sources = createSources(test.silo, cache);
    const cached = (source: string, variables: Record<string, unknown>, purpose: string) =>
      graphql({ schema, source, variableValues: variables, contextValue: createContext(sources, { requestId: "t", purpose, window: WINDOW }, { signer }) }) as Promise<Result>;
    const id = LICENSE.liHouse.zzbs;
    // Read through the cache (no change feed runs here, so nothing will drop the entry).
    expect((await cached("query($id: ID!) { license(id: $id) { status } }", { id }, "warm")).data!.license.status).toBe("VALID");
    expect((await cache.cache.mget([licenseCacheKey(id)]))[0]).not.toBeNull();
    await test.silo.query("UPDATE dzzz_zzxx SET zzzt = '吊销' WHERE zzbs = $1", [id]);
    try {
      const after = await cached(QUERY, { r: [person(PERSON.li)] }, "after-revocation");
      const evidence = (after.data!._entities[0].licenseEvidence as Evidence[]).find((e) => e.licenseId === id)!;
      expect(evidence).toMatchObject({ status: "REVOKED", outcome: "REVOKED", receipt: null });
      expect(await pullsFor(test.silo, "after-revocation")).toEqual([]);
    } finally {
      await test.silo.query("UPDATE dzzz_zzxx SET zzzt = '有效' WHERE zzbs = $1", [id]);
    }
  });

  describe("over HTTP", () => {
    let server: RunningServer;
    beforeAll(async () => {
      server = await startLicensesService({ silo: test.silo, port: 0, host: "127.0.0.1", signer, signing: TEST_SIGNING });
    });
    afterAll(() => server?.close());

    it("a VALID licence's receipt verifies against the service's JWKS with verifyLicense's claims", async () => {
      const purpose = "511102202611210000004201"; // a case number
      const response = await signedFetch(server.url, {
        method: "POST",
        headers: { "content-type": "application/json", "x-window-id": WINDOW.id, "x-department": encodeHeaderValue(WINDOW.department), "x-purpose": purpose },
        body: JSON.stringify({ query: QUERY, variables: { r: [organization(ORG.pilot)] } }),
      });
      const body = (await response.json()) as { data: { _entities: { licenseEvidence: Evidence[] }[] }; errors?: unknown };
      expect(body.errors).toBeUndefined();
      const [evidence] = body.data._entities[0].licenseEvidence;
      expect(evidence.outcome).toBe("VALID");
      const jwks = await (await fetch(new URL("/.well-known/jwks.json", server.url))).json();
      const checked = await verifyReceipt(evidence.receipt!, jwks as Parameters<typeof verifyReceipt>[1]);
      expect(checked.ok).toBe(true);
      if (!checked.ok) return;
      expect(checked.claims).toEqual({
        licenseId: LICENSE.pilot.zzbs,
        typeCode: TYPE.businessLicence,
        holderCode: ORG.pilot,
        outcome: "VALID",
        checkedAt: evidence.checkedAt,
        validUntil: "2035-09-30",
        window: WINDOW.id,
        purpose,
      });
      expect(await pullsFor(test.silo, purpose)).toEqual([
        expect.objectContaining({ zzbs: LICENSE.pilot.zzbs, yzck: WINDOW.id, yzbm: WINDOW.department, sxbm: null, bjbh: purpose }),
      ]);
      const other = await createEphemeralReceiptSigner();
      expect((await verifyReceipt(evidence.receipt!, other.publicJwks())).ok).toBe(false);
    });
  });
});
