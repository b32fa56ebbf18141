import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { countStatements } from "../../../test/support/silos.js";
import { HH, ID } from "./fixtures.js";
import { ENGINES, firstError, openRegistry, type Registry } from "./harness.js";

const PERSON = `query($id: ID!) { person(idNumber: $id) {
  idNumber name sex ethnicity birthDate address region { code name } maritalStatus deceased
  relationshipToHead updatedAt household { number } registered recordKey
} }`;

describe.each(ENGINES)("registry person queries on %s", (engine) => {
  let registry: Registry;
  beforeAll(async () => {
    registry = await openRegistry(engine);
  });
  afterAll(() => registry?.dispose());

  const person = async (id: string) => {
    const result = await registry.run(PERSON, { id });
    expect(result.errors).toBeUndefined();
    return (result.data as { person: Record<string, unknown> | null }).person;
  };

  it("maps the legacy row and its codes to the clean Person (design vector 11010519491231002X)", async () => {
    expect(await person(ID.headBeijing)).toEqual({
      idNumber: ID.headBeijing,
      name: "王秀英",
      sex: "FEMALE",
      ethnicity: "HAN",
      birthDate: "1949-12-31",
      address: "北京市朝阳区建国路88号",
      region: { code: "110105", name: expect.stringContaining("朝阳区") },
      maritalStatus: "WIDOWED",
      deceased: false,
      relationshipToHead: "HEAD",
      updatedAt: "2023-05-01T08:00:00.000Z",
      household: { number: HH.beijing },
      registered: true,
      recordKey: "R0001",
    });
  });

  it("normalises the argument: surrounding spaces and a lower-case x", async () => {
    expect((await person(` ${ID.headBeijing.toLowerCase()} `))?.name).toBe("王秀英");
  });

  it("marks the deceased (design vector 440524188001010014) and folds detailed relationship codes", async () => {
    expect(await person(ID.headShantou)).toMatchObject({ deceased: true, birthDate: "1880-01-01", sex: "MALE" });
    expect(await person(ID.deceasedFather)).toMatchObject({ deceased: true, relationshipToHead: "FATHER" });
    expect(await person(ID.eldestSon)).toMatchObject({ relationshipToHead: "SON", maritalStatus: "MARRIED" }); // 22 长子
    expect(await person(ID.daughterInLaw)).toMatchObject({ relationshipToHead: "DAUGHTER", ethnicity: "HUI" }); // 38 儿媳
  });

  it("chooses the current row among legacy duplicates and cancelled rows, and names it in recordKey", async () => {
    expect(await person(ID.duplicated)).toMatchObject({ name: "黄志强", maritalStatus: "MARRIED", region: { code: "440513" }, recordKey: "R0006" });
    // A newer cancelled row (moved out) loses to the older active one.
    expect(await person(ID.movedOut)).toMatchObject({ name: "林美玲", household: { number: HH.shantou }, recordKey: "R0007" });
    // Only cancelled rows: still the person, from the latest of them.
    expect(await person(ID.cancelled)).toMatchObject({ name: "黄国栋", relationshipToHead: "SIBLING", recordKey: "R0008", registered: true });
  });

  it("returns a record with unknown legacy codes as UNRECOGNIZED and a bad csrq as null", async () => {
    expect(await person(ID.unknownCodes)).toMatchObject({
      name: "杨雪",
      sex: "UNRECOGNIZED",
      ethnicity: "UNRECOGNIZED",
      maritalStatus: "UNRECOGNIZED",
      birthDate: null,
      relationshipToHead: "NON_RELATIVE",
    });
  });

  it("answers null for a valid ID number the registry does not hold, and for a person without household", async () => {
    expect(await person(ID.absent)).toBeNull();
    expect(await person(ID.noHousehold)).toMatchObject({ name: "陈静", household: null, ethnicity: "SHE" });
  });

  it.each([
    ["11010519491231002", "length"],
    ["1101051949123100X2", "format"],
    ["990105194912310023", "region"],
    ["110105194902300027", "date"],
    ["110105194912310021", "check-digit"],
  ])("refuses %s (%s) with BAD_USER_INPUT before any SQL", async (bad, rule) => {
    const { result, statements } = await countStatements([registry.silo], () => registry.run(PERSON, { id: bad }));
    const error = firstError(result);
    expect(error.extensions).toMatchObject({ code: "BAD_USER_INPUT", argument: "idNumber", rule });
    expect(error.message).toContain("idNumber");
    expect(error.message).toContain(bad);
    expect(statements).toHaveLength(0);
  });
});
