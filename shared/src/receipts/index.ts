// Signed verification receipts (证照核验回执): sign, publish, verify offline, rotate keys.
export type { JWK } from "jose";
export type { VerificationReceiptClaims } from "./claims.js";
export { parseReceiptClaims } from "./claims.js";
export { readReceiptKeyConfig, DEFAULT_RECEIPT_TTL_SECONDS, type ReceiptKeyConfig } from "./config.js";
export { rotateReceiptKeys, readKeyFile, type ReceiptKeyFile } from "./key-store.js";
export { KEY_PUBLISH_LEAD_SECONDS, publicJwk, RECEIPT_ALG, type StoredReceiptKey } from "./keys.js";
export { openReceiptSigner, createEphemeralReceiptSigner, type ReceiptSigner, type ReceiptSignerOptions } from "./signer.js";
export { jwksRoute, JWKS_PATH } from "./jwks-route.js";
export { verifyReceipt, type ReceiptVerification, type ReceiptFailureReason, type VerifyReceiptOptions } from "./verify.js";
export { remoteKeySet, type RemoteKeySet, type RemoteKeySetOptions } from "./remote-key-set.js";
