import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const src = (p: string) => fileURLToPath(new URL(p, import.meta.url));

export default defineConfig({
  resolve: {
    // Tests run the TypeScript sources; the packages' `exports` point at dist/ for `node`.
    alias: [
      // Node resolves `graphql` to its CommonJS build (the package has no "exports");
      // Vite would pick index.mjs for our sources and the schema objects would come from
      // two realms ("Cannot use GraphQLSchema from another module"). Resolve as Node does.
      { find: /^graphql$/, replacement: "graphql/index.js" },
      ...Object.entries({
      "@onceonly/shared": src("./shared/src/index.ts"),
      "@onceonly/registry": src("./subgraphs/registry/src/server.ts"),
      "@onceonly/licenses": src("./subgraphs/licenses/src/server.ts"),
      "@onceonly/cases": src("./subgraphs/cases/src/server.ts"),
      "@onceonly/gateway": src("./gateway/src/server.ts"),
      }).map(([find, replacement]) => ({ find, replacement })),
    ],
  },
  test: {
    // vitest 4 no longer excludes dist/: name the test folders explicitly.
    include: ["shared/test/**/*.test.ts", "subgraphs/*/test/**/*.test.ts", "gateway/test/**/*.test.ts", "test/**/*.test.ts"],
    setupFiles: ["reflect-metadata"],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    pool: "forks",
  },
});
