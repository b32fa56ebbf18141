// Generated files are generated: the committed subgraph SDL and supergraph must equal
// what `npm run compose` writes from the current sources.
import { readFile } from "node:fs/promises";
import { relative } from "node:path";
import { describe, expect, it } from "vitest";
import { composeSupergraph } from "../scripts/src/composition.js";

describe("committed schemas", () => {
  it("are what `npm run compose` produces now (run it after changing a subgraph)", async () => {
    const files = await composeSupergraph();
    expect(files.map((f) => relative(process.cwd(), f.path)).sort()).toEqual([
      "gateway/audit.graphql",
      "gateway/quality.graphql",
      "gateway/supergraph.graphql",
      "subgraphs/cases/schema.graphql",
      "subgraphs/licenses/schema.graphql",
      "subgraphs/registry/schema.graphql",
    ]);
    for (const file of files) {
      const committed = await readFile(file.path, "utf8").catch(() => "(missing)");
      expect(committed, `${relative(process.cwd(), file.path)} is stale: run npm run compose`).toBe(file.content);
    }
  });
});
