// The gateway's answer to a request it cannot attribute to a window: HTTP 401 with a
// GraphQL error whose extensions.check says which check failed, and a message that names
// the check and the offending value, so the operator of a window can fix the token.
import { HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import type { AuthCheck } from "./caller.js";

export class AuthenticationError extends GraphQLError {
  readonly check: AuthCheck;

  constructor(check: AuthCheck, message: string) {
    super(message, {
      extensions: {
        code: "UNAUTHENTICATED",
        check,
        // Apollo Server 5 turns extensions.http into the response's status and headers (and
        // drops it from the body). RFC 6750 §3: a 401 names the scheme it wants.
        http: { status: 401, headers: new HeaderMap([["www-authenticate", `Bearer realm="onceonly", error="${check === "missing" ? "invalid_request" : "invalid_token"}"`]]) },
      },
    });
    this.check = check;
  }
}

/**
 * The identity provider's key set could not be fetched: the token may be fine, the
 * gateway cannot tell. 503, so a window retries instead of asking for a new token.
 */
export class AuthenticationUnavailableError extends GraphQLError {
  constructor(message: string) {
    super(message, { extensions: { code: "AUTHENTICATION_UNAVAILABLE", http: { status: 503 } } });
  }
}
