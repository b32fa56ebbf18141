export * from "./env.js";
export * from "./silo-config.js";
export * from "./variables.js";
export * from "./subgraph-config.js";
