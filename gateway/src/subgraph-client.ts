// HTTP to one subgraph: a keep-alive connection pool (undici), timeouts set once on the
// pool rather than a timer per fetch, and identical fetches in flight shared.
//
// Sharing: while a fetch is in flight, a second one with the same body (query text and
// variables) and the same identity (window, department, purpose) waits for the first
// one's answer instead of sending its own: a burst of the same lookup costs the silo
// one statement. Each caller gets the answer as text and parses it itself, so no two
// requests share an object. The caller decides what may be shared (never a mutation).
//
// Signing: every HTTP request is signed as it is sent (after sharing), with its own
// timestamp and nonce: subgraphs answer each nonce once, so callers sharing a fetch share
// its one signature, and nothing signed is ever sent twice.
import { STATUS_CODES } from "node:http";
import { performance } from "node:perf_hooks";
import { signRequest } from "@onceonly/shared";
import { Pool } from "undici";
import { subgraphConnections, subgraphFetchDuration, subgraphFetches, subgraphFetchesShared } from "./metrics.js";

export interface SubgraphReply {
  status: number;
  statusText: string;
  contentType: string | null;
  body: string;
}

export interface SubgraphClientOptions {
  /** The subgraph's name in the supergraph (the metrics' label). */
  name: string;
  url: string;
  /** Longest wait for the answer's headers, and longest silence within its body, ms. */
  timeoutMs: number;
  /** SUBGRAPH_SIGNING_SECRET: the HMAC key every request to the subgraph is signed with. */
  signingSecret: string;
}

// Every open client, for the connection gauge (read on scrape, never per request).
const openClients = new Set<SubgraphClient>();

function countConnections(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const client of openClients) counts.set(client.name, (counts.get(client.name) ?? 0) + client.connections);
  return counts;
}

export class SubgraphClient {
  readonly name: string;
  readonly url: string;
  private readonly path: string;
  private readonly signingSecret: string;
  private readonly pool: Pool;
  private readonly inFlight = new Map<string, Promise<SubgraphReply>>();
  private readonly ok;
  private readonly httpError;
  private readonly failed;
  private readonly shared;
  private readonly duration;

  constructor(options: SubgraphClientOptions) {
    const url = new URL(options.url);
    this.name = options.name;
    this.url = options.url;
    this.path = url.pathname + url.search;
    this.signingSecret = options.signingSecret;
    // Sockets stay open between requests (the subgraphs keep them for 65 s and say so in
    // Keep-Alive, which undici honours); no cap on their number, as Node's own agent.
    this.pool = new Pool(url.origin, { headersTimeout: options.timeoutMs, bodyTimeout: options.timeoutMs });
    const fetches = subgraphFetches();
    this.ok = fetches.labels(options.name, "ok");
    this.httpError = fetches.labels(options.name, "http_error");
    this.failed = fetches.labels(options.name, "failed");
    this.shared = subgraphFetchesShared().labels(options.name);
    this.duration = subgraphFetchDuration().labels(options.name);
    subgraphConnections(countConnections);
    openClients.add(this);
  }

  /**
   * POSTs a GraphQL request body. With a `shareKey` (who asks, e.g. window + purpose), an
   * identical body already in flight for the same key is answered from that fetch; an
   * error reaches every caller that waited on it.
   */
  post(body: string, headers: Record<string, string>, shareKey: string | null): Promise<SubgraphReply> {
    if (shareKey === null) return this.send(body, headers);
    const key = `${shareKey}\n${body}`;
    const pending = this.inFlight.get(key);
    if (pending) {
      this.shared.inc();
      return pending;
    }
    const sent = this.send(body, headers).finally(() => this.inFlight.delete(key));
    this.inFlight.set(key, sent);
    return sent;
  }

  /** Open sockets to the subgraph. */
  get connections(): number {
    return this.pool.stats.connected;
  }

  async close(): Promise<void> {
    openClients.delete(this);
    await this.pool.close();
  }

  private async send(body: string, headers: Record<string, string>): Promise<SubgraphReply> {
    const started = performance.now();
    try {
      const signature = signRequest(this.signingSecret, { method: "POST", path: this.path, body, headers });
      const response = await this.pool.request({ path: this.path, method: "POST", headers: { ...headers, ...signature }, body });
      const text = await response.body.text();
      const status = response.statusCode;
      (status >= 200 && status < 300 ? this.ok : this.httpError).inc();
      const contentType = response.headers["content-type"];
      return { status, statusText: STATUS_CODES[status] ?? "", contentType: typeof contentType === "string" ? contentType : null, body: text };
    } catch (error) {
      this.failed.inc();
      throw error;
    } finally {
      this.duration.observe((performance.now() - started) / 1000);
    }
  }
}
