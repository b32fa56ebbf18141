export * from "./result.js";
export * from "./iso7064.js";
export * from "./id-number.js";
export * from "./credit-code.js";
export * from "./license-id.js";
