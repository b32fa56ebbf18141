export type { AuthCheck, Caller } from "./caller.js";
export * from "./authenticator.js";
export * from "./config.js";
export * from "./dev-key.js";
export * from "./errors.js";
export { ALLOWED_ALGORITHMS, readPublicKeyFile, type PublicKeyInput } from "./keys.js";
