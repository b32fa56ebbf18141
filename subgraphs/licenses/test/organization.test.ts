// Organization.recordKey / updatedAt: name, legal representative and address come from
// ONE licence, so a prefilled form cites one record and one update time for all three.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements, ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { buildLicensesSchema, MIGRATIONS } from "../src/server.js";
import { creditCode, insertFixtures, ISSUER, licence, TYPE, types } from "./fixtures.js";
import { entitiesQuery, executor } from "./support.js";

const RENAMED = creditCode("91511102MA6CQW7E2");
const NO_ITEMS = creditCode("91511102MA6AB1C2D");

const renamedHolder = (name: string): [string, string, string] => [name, RENAMED, "001"];
const L = {
  // The first business licence: cancelled when the company was renamed; full surface items.
  oldBusiness: licence({ type: TYPE.businessLicence, issuer: ISSUER.leshanSamr, serial: "511100Y0101", number: RENAMED, holder: renamedHolder("乐山旧名商贸有限公司"), issued: "2016-01-01", until: null, status: "注销", updated: "2020-05-01T10:00:00+08:00" }),
  // The current business licence: valid, but its address item is blank.
  business: licence({ type: TYPE.businessLicence, issuer: ISSUER.leshanSamr, serial: "511100Y0101", version: "002", number: RENAMED, holder: renamedHolder("乐山新名商贸有限公司"), issued: "2020-05-01", until: null, status: "有效", updated: "2020-05-01T10:05:00+08:00" }),
  // Issued later, no surface items, the holder name written differently.
  house: licence({ type: TYPE.realEstate, issuer: ISSUER.leshanMnr, serial: "511100F0102", number: "川(2024)乐山市不动产权第0000789号", holder: renamedHolder("乐山新名商贸公司"), issued: "2024-03-01", until: null, status: "有效", updated: "2024-03-01T09:00:00+08:00" }),
  // An organisation whose licences carry no surface items at all.
  firstOnly: licence({ type: TYPE.realEstate, issuer: ISSUER.leshanMnr, serial: "511100F0103", number: "川(2019)乐山市不动产权第0000001号", holder: ["乐山无照面商贸有限公司", NO_ITEMS, "001"], issued: "2019-01-01", until: null, status: "有效", updated: "2019-01-01T09:00:00+08:00" }),
  latest: licence({ type: TYPE.realEstate, issuer: ISSUER.leshanMnr, serial: "511100F0104", number: "川(2023)乐山市不动产权第0000002号", holder: ["乐山无照面商贸股份有限公司", NO_ITEMS, "001"], issued: "2023-01-01", until: null, status: "有效", updated: "2023-01-01T09:00:00+08:00" }),
};

describe.each(ENGINES)("Organization source licence on %s", (engine) => {
  let test: TestSilo;
  let run: ReturnType<typeof executor>;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    await insertFixtures(test.silo, {
      types,
      licenses: Object.values(L),
      items: [
        { zzbs: L.oldBusiness.zzbs, sjxbm: "fddbr", sjxmc: "法定代表人", sjxz: "钱旧" },
        { zzbs: L.oldBusiness.zzbs, sjxbm: "zs", sjxmc: "住所", sjxz: "四川省乐山市旧址1号" },
        { zzbs: L.business.zzbs, sjxbm: "fddbr", sjxmc: "法定代表人", sjxz: "孙新" },
        { zzbs: L.business.zzbs, sjxbm: "zs", sjxmc: "住所", sjxz: "  " },
      ],
    });
    run = executor(await buildLicensesSchema(), test.silo);
  });
  afterAll(() => test?.dispose());

  it("reads all three from the valid licence carrying surface items; a blank item is no value, not an older one", async () => {
    const { result, statements } = await countStatements([test.silo], () =>
      run(entitiesQuery("... on Organization { name legalRepresentative address recordKey updatedAt }"), {
        r: [RENAMED, NO_ITEMS].map((creditCode) => ({ __typename: "Organization", creditCode })),
      }),
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?._entities).toEqual([
      {
        __typename: "Organization",
        name: "乐山新名商贸有限公司",
        legalRepresentative: "孙新",
        // The cancelled licence's address is not mixed in: it is another record.
        address: null,
        recordKey: L.business.zzbs,
        updatedAt: "2020-05-01T02:05:00.000Z",
      },
      {
        __typename: "Organization",
        name: "乐山无照面商贸股份有限公司",
        legalRepresentative: null,
        address: null,
        recordKey: L.latest.zzbs,
        updatedAt: "2023-01-01T01:00:00.000Z",
      },
    ]);
    expect(statements).toHaveLength(1);
  });
});
