// GET /.well-known/jwks.json on the service that signs receipts: the public keys only,
// recomputed per request so a rotation or an expired retirement shows at once.
import type { IncomingMessage, ServerResponse } from "node:http";
import { sendJson, type RouteHandler } from "../http/serve.js";
import type { ReceiptSigner } from "./signer.js";

export const JWKS_PATH = "/.well-known/jwks.json";

export function jwksRoute(signer: ReceiptSigner): RouteHandler {
  return (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== "GET" && req.method !== "HEAD") {
      res.setHeader("allow", "GET, HEAD");
      return sendJson(res, 405, { error: `${JWKS_PATH} answers GET` });
    }
    // Short: verifiers should see a new key within a minute of a rotation.
    res.setHeader("cache-control", "public, max-age=60");
    sendJson(res, 200, signer.publicJwks());
  };
}
