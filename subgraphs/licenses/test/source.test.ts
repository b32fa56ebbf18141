// The legacy adapter alone: what the schema cannot reach directly.
import { demoSiloHasData } from "@onceonly/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestSilo, type TestSilo } from "../../../test/support/silos.js";
import { MIGRATIONS } from "../src/server.js";
import { createSources, type LicensesSources } from "../src/source/index.js";
import { insertFixtures, LICENSE, ORG, PERSON } from "./fixtures.js";

describe.each(ENGINES)("licence silo adapter on %s", (engine) => {
  let test: TestSilo;
  let sources: LicensesSources;

  beforeAll(async () => {
    test = await openTestSilo(engine, "licenses", MIGRATIONS);
    sources = createSources(test.silo);
  });
  afterAll(() => test?.dispose());

  it("tells an empty silo (the demo seed's condition) from a filled one", async () => {
    expect(await demoSiloHasData(test.silo, "licenses")).toBe(false);
    await insertFixtures(test.silo);
    expect(await demoSiloHasData(test.silo, "licenses")).toBe(true);
  });

  it("answers batches in key order, null or [] where the silo has nothing", async () => {
    expect((await sources.licenses.byIds(["nope", LICENSE.liHouse.zzbs])).map((l) => l?.id ?? null)).toEqual([null, LICENSE.liHouse.zzbs]);
    const lists = await sources.licenses.byHolders([PERSON.nobody, PERSON.li], { statuses: null, types: null });
    expect(lists.map((l) => l.length)).toEqual([0, 3]);
    const orgs = await sources.organizations.byCreditCodes([ORG.unknown, ORG.pilot, ORG.jiazhou]);
    expect(orgs.map((o) => o?.name ?? null)).toEqual([null, "福鼎市白琳茶业有限公司", "乐山嘉州食品股份有限公司"]);
  });

  it("UNRECOGNIZED selects statuses outside the code table", async () => {
    const [legacy] = await sources.licenses.byHolders(["LEGACY0042"], { statuses: ["UNRECOGNIZED"], types: null });
    expect(legacy.map((l) => l.id)).toEqual([LICENSE.legacy.zzbs]);
    const [none] = await sources.licenses.byHolders(["LEGACY0042"], { statuses: ["VALID"], types: null });
    expect(none).toEqual([]);
    const [both] = await sources.licenses.byHolders([PERSON.li], { statuses: ["UNRECOGNIZED", "REVOKED"], types: null });
    expect(both.map((l) => l.id)).toEqual([LICENSE.liDriving.zzbs]);
  });
});
