export * from "./code-table.js";
export * from "./person.js";
export * from "./license.js";
export * from "./case.js";
export * from "./regions.js";
export * from "./verification-outcome.js";
