export * from "./registry.js";
export * from "./http-metrics.js";
export * from "./silo-metrics.js";
export * from "./cache-metrics.js";
export * from "./metrics-route.js";
