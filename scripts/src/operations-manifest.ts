// npm run operations:manifest
// Writes gateway/persisted-operations.json: the window's operations (KNOWN_OPERATIONS) in
// Apollo's persisted query manifest format, each named by the SHA-256 of its text. Same
// operations, same bytes: commit the file; a test fails while it is out of date. The
// gateway runs them by hash (PERSISTED_OPERATIONS_FILE), or only them
// (PERSISTED_OPERATIONS_ONLY=true).
import "reflect-metadata"; // @onceonly/shared also carries the GraphQL types
import { writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildManifest, KNOWN_OPERATIONS, manifestJson } from "@onceonly/gateway";

const target = fileURLToPath(new URL("../../gateway/persisted-operations.json", import.meta.url));

try {
  if (process.argv.length > 2) {
    console.error(`operations:manifest: unexpected argument ${process.argv[2]}\nusage: npm run operations:manifest`);
    process.exitCode = 2;
  } else {
    const manifest = buildManifest(KNOWN_OPERATIONS);
    writeFileSync(target, manifestJson(manifest));
    console.log(`${target}: ${manifest.operations.length} operations`);
    for (const operation of manifest.operations) console.log(`  ${operation.id}  ${operation.type} ${operation.name}`);
  }
} catch (error) {
  console.error(`operations:manifest failed: ${(error as Error).message}`);
  process.exitCode = 1;
}
