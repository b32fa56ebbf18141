export * from "./rules.js";
export * from "./findings.js";
export * from "./scan.type.js";
