export * from "./scopes.js";
export * from "./demo-windows.js";
export * from "./signing.js";
export * from "./nonce-store.js";
export * from "./memory-nonce-store.js";
export * from "./redis-nonce-store.js";
export * from "./signature-guard.js";
