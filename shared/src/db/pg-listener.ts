// LISTEN on PostgreSQL needs one connection held open outside the pool (a pooled
// connection would be handed to queries and lose its LISTENs). When that connection
// drops, it reconnects with backoff and listens again; notifications sent meanwhile are
// lost, which is why every consumer of a change feed also polls (see change-feed.ts).
import pg from "pg";
import { logger } from "../log.js";
import { assertChannelName } from "./silo.js";

export type NotificationHandler = (payload: string) => void;

export class PgListener {
  private client: pg.Client | null = null;
  private connecting: Promise<pg.Client> | null = null;
  private readonly handlers = new Map<string, Set<NotificationHandler>>();
  private closed = false;
  private retries = 0;

  constructor(
    private readonly silo: string,
    private readonly connectionString: string,
  ) {}

  async listen(channel: string, handler: NotificationHandler): Promise<() => Promise<void>> {
    assertChannelName(channel);
    let set = this.handlers.get(channel);
    if (!set) {
      set = new Set();
      this.handlers.set(channel, set);
      const client = await this.connect();
      if (this.client === client) await client.query(`LISTEN ${channel}`);
    }
    set.add(handler);
    return async () => {
      set.delete(handler);
      if (set.size > 0 || this.handlers.get(channel) !== set) return;
      this.handlers.delete(channel);
      await this.client?.query(`UNLISTEN ${channel}`).catch(() => undefined);
    };
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.client = null;
    await client?.end().catch(() => undefined);
  }

  private connect(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= this.open().finally(() => (this.connecting = null));
    return this.connecting;
  }

  private async open(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: this.connectionString, application_name: `onceonly-${this.silo}-listen` });
    client.on("notification", (message) => {
      for (const handler of this.handlers.get(message.channel) ?? []) handler(message.payload ?? "");
    });
    client.on("error", (error) => this.lost(client, error));
    client.on("end", () => this.lost(client, new Error("connection ended")));
    await client.connect();
    for (const channel of this.handlers.keys()) await client.query(`LISTEN ${channel}`);
    this.client = client;
    this.retries = 0;
    return client;
  }

  // Private: one reconnect per lost client, with capped exponential backoff.
  private lost(client: pg.Client, error: Error): void {
    if (this.closed || this.client !== client) return;
    this.client = null;
    logger.warn({ silo: this.silo, err: error.message }, "silo change feed connection lost; reconnecting");
    client.end().catch(() => undefined);
    const retry = () => {
      if (this.closed || this.client || this.handlers.size === 0) return;
      const delay = Math.min(100 * 2 ** this.retries++, 5000);
      setTimeout(() => this.connect().catch(retry), delay).unref();
    };
    retry();
  }
}
