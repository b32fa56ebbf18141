// A stand-in subgraph for gateway tests: a plain HTTP server that counts the requests
// and the TCP connections it gets, answers with whatever the test says, and can hold
// its answers until the test releases them (so concurrency is decided, not timed).
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

export interface SeenRequest {
  body: { query: string; variables?: Record<string, unknown> };
  headers: IncomingMessage["headers"];
  /** Request line and body exactly as received (to check the gateway's signature). */
  method: string;
  path: string;
  raw: string;
}

export type Answer = (request: SeenRequest, res: ServerResponse) => void;

export const json = (body: unknown, status = 200): Answer => (_request, res) => {
  res.statusCode = status;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify(body));
};

export class FakeSubgraph {
  readonly requests: SeenRequest[] = [];
  connections = 0;
  answer: Answer = json({ data: null });
  private held: (() => void)[] | null = null;
  private readonly server = createServer((req, res) => void this.handle(req, res));

  async start(): Promise<string> {
    this.server.on("connection", () => this.connections++);
    await new Promise<void>((resolve) => this.server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/graphql`;
  }

  /** From now on, answers wait for release(). */
  hold(): void {
    this.held ??= [];
  }

  release(): void {
    const held = this.held ?? [];
    this.held = null;
    for (const answer of held) answer();
  }

  async close(): Promise<void> {
    this.release();
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString("utf8");
    const request: SeenRequest = { body: JSON.parse(raw), headers: req.headers, method: req.method ?? "GET", path: req.url ?? "/", raw };
    this.requests.push(request);
    const answer = () => this.answer(request, res);
    if (this.held) this.held.push(answer);
    else answer();
  }
}

/** A one-subgraph supergraph, composed as `npm run compose` composes the real one. */
export function composeOne(name: string, url: string, sdl: string): string {
  const typeDefs = parse(`extend schema @link(url: "https://specs.apollo.dev/federation/v2.3", import: ["@key"])\n${sdl}`);
  const result = composeServices([{ name, url, typeDefs }]);
  if (result.errors) throw new Error(result.errors.map((e) => e.message).join("\n"));
  return result.supergraphSdl;
}

/** Resolves once `done()` holds; fails the test after `ms`. */
export async function until(done: () => boolean | Promise<boolean>, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
