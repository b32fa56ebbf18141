import { describe, expect, it } from "vitest";
import { COUNTY_REGIONS, Region, regionName } from "@onceonly/shared";

describe("GB/T 2260 region names", () => {
  it("names county, prefecture and province codes, and null for an unknown one", () => {
    expect(regionName("511102")).toBe("四川省乐山市市中区");
    expect(regionName("511100")).toBe("四川省乐山市"); // organisations registered at prefecture level
    expect(regionName("510000")).toBe("四川省");
    expect(Region.of("999999")).toEqual({ code: "999999", name: null });
  });

  it("keeps the places people live in at county level only", () => {
    expect(Object.keys(COUNTY_REGIONS)).toContain("460400"); // Danzhou: a prefecture-level city without counties
    expect(Object.keys(COUNTY_REGIONS)).not.toContain("511100");
  });
});
