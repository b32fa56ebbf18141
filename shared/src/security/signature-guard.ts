// The check in front of a subgraph's GraphQL route: only requests the gateway signed
// (signing.ts) reach Apollo. A refusal is HTTP 401 with a GraphQL-shaped body naming the
// failed check, and a warning in the log: which check, method, path (without its query
// string, which may carry variables) and the peer's address — never the body.
import type { IncomingMessage } from "node:http";
import type { RequestGuard } from "../http/serve.js";
import type { Logger } from "../log.js";
import type { NonceStore } from "./nonce-store.js";
import { verifySignedRequest, type SigningConfig } from "./signing.js";

export interface SignatureGuardOptions {
  signing: SigningConfig;
  nonces: NonceStore;
  log: Logger;
}

export function requireGatewaySignature(options: SignatureGuardOptions): RequestGuard {
  const { signing, nonces, log } = options;
  return async (req: IncomingMessage, body: Buffer) => {
    const method = req.method ?? "GET";
    const path = req.url ?? "/";
    const result = await verifySignedRequest(signing, { method, path, headers: req.headers, body }, nonces);
    if (result.ok) return result;
    log.warn(
      { check: result.check, reason: result.message, method, path: path.split("?")[0], remoteAddress: req.socket.remoteAddress },
      "refused a request not signed by the gateway",
    );
    return { ok: false, status: 401, body: { errors: [{ message: result.message, extensions: { code: "UNAUTHENTICATED", check: result.check } }] } };
  };
}
