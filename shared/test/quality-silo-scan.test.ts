// The paging machinery of the departments' silo scans, over fake phases: what a page
// reads, when it hands on to the next phase, and what the cursor accepts.
import { describe, expect, it } from "vitest";
import { encodeScanCursor, runScanPage, stripSpaces, textOf, type ScanPhase } from "../src/index.js";

/** A phase over sorted keys that fails REG_REQUIRED for every key it reads. */
function phase(name: string, keys: string[], reads: number[] = []): ScanPhase {
  return {
    name,
    async read({ after, limit, tally }) {
      const page = keys.filter((k) => after === null || k > after).slice(0, limit);
      reads.push(page.length);
      for (const k of page) tally.check("REG_REQUIRED", k, true);
      return { read: page.length, lastKey: page.at(-1) ?? null };
    },
  };
}

async function pages(phases: ScanPhase[], first: number) {
  const out = [];
  let after: string | null = null;
  do {
    const page = await runScanPage("registry", phases, { asOf: "2024-06-30", after, first });
    out.push(page.findings.map((f) => f.key));
    after = page.endCursor;
  } while (after !== null);
  return out;
}

describe("runScanPage", () => {
  it("reads at most `first` items of one phase per page; a finished phase ends the page", async () => {
    expect(await pages([phase("a", ["1", "2", "3", "4", "5"]), phase("b", ["x", "y"])], 2)).toEqual([["1", "2"], ["3", "4"], ["5"], ["x", "y"], []]);
  });

  it("hands on to the next phase in the same page only when a phase found nothing", async () => {
    const reads: number[] = [];
    const result = await pages([phase("a", ["1"], reads), phase("b", [], reads), phase("c", ["z"], reads)], 5);
    expect(result).toEqual([["1"], ["z"]]);
    expect(reads).toEqual([1, 0, 1]);
  });

  it("names every rule of the department in every page, 0/0 where nothing was checked", async () => {
    const page = await runScanPage("registry", [phase("a", [])], { asOf: "2024-06-30" });
    expect(page.counts.map((c) => c.rule)).toContain("REG_HOUSEHOLD_HEAD");
    expect(page.counts.every((c) => c.checked === 0 && c.failed === 0)).toBe(true);
    expect(page).toMatchObject({ findings: [], endCursor: null, hasNextPage: false });
  });

  it("refuses a cursor of another phase list, department or asOf, and a page size out of range", async () => {
    const phases = [phase("a", ["1"])];
    const run = (after: string | null, first?: number, asOf = "2024-06-30") => runScanPage("registry", phases, { asOf, after, first });
    await expect(run(encodeScanCursor("registry", "zzz", "1", "2024-06-30"))).rejects.toMatchObject({ extensions: { code: "BAD_USER_INPUT", rule: "cursor" } });
    await expect(run(encodeScanCursor("cases", "a", "1", "2024-06-30"))).rejects.toMatchObject({ extensions: { rule: "cursor" } });
    await expect(run(encodeScanCursor("registry", "a", "1", "2024-06-29"))).rejects.toMatchObject({ extensions: { rule: "asOf" } });
    await expect(run("%%%")).rejects.toMatchObject({ extensions: { rule: "cursor" } });
    await expect(run(Buffer.from('{"d":"registry","p":"a","k":7,"a":"2024-06-30"}').toString("base64url"))).rejects.toMatchObject({ extensions: { rule: "cursor" } });
    await expect(run(null, 0)).rejects.toMatchObject({ extensions: { argument: "first", rule: "range" } });
    await expect(run(null, 50_001)).rejects.toMatchObject({ extensions: { argument: "first", rule: "range" } });
    await expect(run(null, 2.5)).rejects.toMatchObject({ extensions: { argument: "first", rule: "range" } });
    await expect(run(null, undefined, "2024-02-30")).rejects.toMatchObject({ extensions: { argument: "asOf" } });
    expect((await run(encodeScanCursor("registry", "a", null, "2024-06-30"))).findings).toEqual([{ rule: "REG_REQUIRED", kind: "PERSON", key: "1" }]);
  });
});

describe("empty values, as btrim() sees them", () => {
  it("strip only spaces, so JS and SQL agree on what is empty", () => {
    expect(stripSpaces("  a b  ")).toBe("a b");
    expect(textOf("   ")).toBeNull();
    expect(textOf(null)).toBeNull();
    expect(textOf("\t")).toBe("\t"); // btrim('\t') = '\t': a value, not an empty one
    expect(textOf(" 01 ")).toBe("01");
  });
});
