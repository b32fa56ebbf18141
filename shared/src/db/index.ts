export * from "./silo.js";
export * from "./pg-silo.js";
export * from "./pglite-silo.js";
export * from "./migrate.js";
export * from "./open-silo.js";
export * from "./seed-if-empty.js";
