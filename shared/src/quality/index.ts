export * from "./rules.js";
export * from "./findings.js";
export * from "./scan.type.js";
export * from "./report/index.js";
export * from "./silo-scan.js";
export * from "./federated-page.js";
export * from "./scan-args.type.js";
