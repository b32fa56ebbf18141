export * from "./entity-cache.js";
export * from "./lru-entity-cache.js";
export * from "./redis-entity-cache.js";
export * from "./cached-batch.js";
export * from "./codec.js";
export * from "./open-entity-cache.js";
