// npm run compose: writes subgraphs/*/schema.graphql and gateway/supergraph.graphql.
import { writeFile } from "node:fs/promises";
import { relative } from "node:path";
import { composeSupergraph } from "./composition.js";

try {
  for (const file of await composeSupergraph()) {
    await writeFile(file.path, file.content);
    console.log(`wrote ${relative(process.cwd(), file.path)}`);
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
