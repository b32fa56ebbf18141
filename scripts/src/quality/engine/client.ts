// The engine's only way to the silos: the gateway's GraphQL endpoint over HTTP, as the
// steward (bearer token, X-Purpose DATA-QUALITY). fetch keeps its connections alive, so
// thousands of pages reuse a handful of sockets. Any GraphQL error fails the run with the
// gateway's own words: a quality report that silently skipped records would be wrong.

/** The steward's purpose (gateway/src/policy/purpose.ts GOVERNANCE_PURPOSE): binds every subject, for quality:read only. */
export const QUALITY_PURPOSE = "DATA-QUALITY";

export interface GraphQLErrorBody {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
}

/** The gateway refused or failed an operation; `errors` as it answered them. */
export class GatewayQueryError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly errors: readonly GraphQLErrorBody[],
  ) {
    const shown = errors.slice(0, 3).map((e) => `${e.message}${e.extensions?.code ? ` [${String(e.extensions.code)}]` : ""}${e.path ? ` at ${e.path.join(".")}` : ""}`);
    const more = errors.length > 3 ? ` (and ${errors.length - 3} more)` : "";
    super(`quality run: the gateway answered ${operation} with HTTP ${status}: ${shown.join("; ")}${more}`);
    this.name = "GatewayQueryError";
  }

  /** The gateway's operation-limit refusal of the estimated cost, with its value and maximum. */
  get costLimit(): { value: number; max: number } | null {
    const refusal = this.errors.find((e) => e.extensions?.code === "OPERATION_LIMIT_EXCEEDED" && e.extensions.limit === "cost");
    const value = Number(refusal?.extensions?.value);
    const max = Number(refusal?.extensions?.max);
    return refusal && Number.isFinite(value) && Number.isFinite(max) ? { value, max } : null;
  }
}

export interface GatewayClient {
  query<T>(operation: string, query: string, variables: Record<string, unknown>): Promise<T>;
}

export interface GatewayClientOptions {
  gatewayUrl: string;
  token: string;
  /** Longest wait for one page, ms (a page of a big silo takes seconds, not minutes). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 300_000;

export function gatewayClient(options: GatewayClientOptions): GatewayClient {
  const headers = {
    "content-type": "application/json",
    accept: "application/graphql-response+json, application/json",
    authorization: `Bearer ${options.token}`,
    "x-purpose": QUALITY_PURPOSE,
  };
  return {
    async query<T>(operation: string, query: string, variables: Record<string, unknown>): Promise<T> {
      const body = JSON.stringify({ operationName: operation, query, variables });
      let response: Response;
      try {
        response = await post(options.gatewayUrl, headers, body, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      } catch (error) {
        // One more try for a connection the gateway closed while idle (keep-alive race).
        if (!isConnectionReset(error)) throw new Error(`quality run: ${operation} could not reach the gateway at ${options.gatewayUrl}: ${describe(error)}`, { cause: error });
        response = await post(options.gatewayUrl, headers, body, options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
      }
      const text = await response.text();
      let parsed: { data?: T | null; errors?: GraphQLErrorBody[] };
      try {
        parsed = JSON.parse(text) as typeof parsed;
      } catch {
        throw new GatewayQueryError(operation, response.status, [{ message: `not a GraphQL response: ${text.slice(0, 200)}` }]);
      }
      if (parsed.errors?.length || !response.ok || !parsed.data) {
        throw new GatewayQueryError(operation, response.status, parsed.errors?.length ? parsed.errors : [{ message: "no data" }]);
      }
      return parsed.data;
    },
  };
}

function post(url: string, headers: Record<string, string>, body: string, timeoutMs: number): Promise<Response> {
  return fetch(url, { method: "POST", headers, body, signal: AbortSignal.timeout(timeoutMs) });
}

function isConnectionReset(error: unknown): boolean {
  const code = (error as { cause?: { code?: string } })?.cause?.code;
  return code === "ECONNRESET" || code === "UND_ERR_SOCKET";
}

function describe(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  return cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
}
