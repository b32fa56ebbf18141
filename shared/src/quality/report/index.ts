export * from "./types.js";
export * from "./history.js";
