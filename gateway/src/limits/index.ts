export * from "./config.js";
export * from "./measure.js";
export * from "./operation-limits.js";
export * from "./persisted-operations.js";
