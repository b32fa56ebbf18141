// The licence library's judgement of one holder's licences against the registry's facts
// (X_HOLDER_UNREGISTERED, X_HOLDER_NAME, X_DECEASED_VALID), as rules.ts defines them.
import { describe, expect, it } from "vitest";
import { checkHolder } from "../src/quality/federated/holder-check.js";

const licences = [
  { id: "L1", holderName: "张三", status: "有效" },
  { id: "L2", holderName: " 张三 ", status: "注销" },
  { id: "L3", holderName: "张叁", status: "有效" },
  { id: "L4", holderName: null, status: "有效" },
];

describe("checkHolder", () => {
  it("fails every licence of an ID number the registry does not hold, and judges nothing else", () => {
    expect(checkHolder({ registered: false, name: null, deceased: false }, licences)).toEqual({
      licences: 4,
      validLicences: 3,
      registered: false,
      unregistered: ["L1", "L2", "L3", "L4"],
      nameMismatches: [],
      deceasedValid: [],
    });
  });

  it("compares names trimmed of spaces, and a missing name is no mismatch", () => {
    const check = checkHolder({ registered: true, name: "张三 ", deceased: false }, licences);
    expect(check).toMatchObject({ licences: 4, validLicences: 3, unregistered: [], nameMismatches: ["L3"], deceasedValid: [] });
    expect(checkHolder({ registered: true, name: null, deceased: false }, licences).nameMismatches).toEqual([]);
  });

  it("fails the licences with status 有效 of a deceased holder", () => {
    expect(checkHolder({ registered: true, name: "张三", deceased: true }, licences).deceasedValid).toEqual(["L1", "L3", "L4"]);
  });
});
