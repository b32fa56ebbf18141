// PostgreSQL through node-postgres: the production silo.
import pg from "pg";
import { Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { Readable } from "node:stream";
import { logger } from "../log.js";
import { PgListener } from "./pg-listener.js";
import { StatementListeners, type Transaction, type Row, type Silo } from "./silo.js";

// DATE stays "YYYY-MM-DD": pg's default turns it into a Date at local midnight, which
// shifts the day in any time zone west of UTC. int8 (counts) become numbers.
const types = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    if (oid === 1082) return (v: string) => v;
    if (oid === 20) return (v: string) => Number(v);
    return pg.types.getTypeParser(oid, format);
  },
};

export class PgSilo implements Silo {
  readonly kind = "postgres" as const;
  private readonly listeners = new StatementListeners();
  private readonly pool: pg.Pool;
  private readonly listener: PgListener;

  constructor(
    readonly name: string,
    connectionString: string,
    options: { max?: number } = {},
  ) {
    this.listener = new PgListener(name, connectionString);
    this.pool = new pg.Pool({ connectionString, max: options.max ?? 10, types, application_name: `onceonly-${name}` });
    // An idle or closing connection that the server terminates (restart, failover,
    // pg_terminate_backend) emits 'error' with no query to fail: unhandled, that would
    // crash the process. Log it; the pool replaces the connection on next use.
    const onConnectionError = (error: Error) => logger.warn({ silo: name, err: error.message }, "silo connection lost");
    this.pool.on("error", onConnectionError);
    this.pool.on("connect", (client) => client.on("error", onConnectionError));
  }

  async query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    this.listeners.emit(this.name, text, params);
    const result = await this.pool.query(text, params as unknown[] | undefined);
    return result.rows as R[];
  }

  async exec(sql: string): Promise<void> {
    this.listeners.emit(this.name, sql, undefined);
    await this.pool.query(sql);
  }

  async transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    const tx: Transaction = {
      exec: async (sql: string) => {
        this.listeners.emit(this.name, sql, undefined);
        await client.query(sql);
      },
      query: async <R extends Row = Row>(text: string, params?: readonly unknown[]) => {
        this.listeners.emit(this.name, text, params);
        return (await client.query(text, params as unknown[] | undefined)).rows as R[];
      },
    };
    try {
      await client.query("BEGIN");
      const result = await fn(tx);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  async copyRows(table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
    const { from } = await import("pg-copy-streams");
    const client = await this.pool.connect();
    try {
      const sql = `COPY ${table} (${columns.join(", ")}) FROM STDIN`;
      this.listeners.emit(this.name, sql, undefined);
      const sink = client.query(from(sql)) as unknown as Writable;
      await pipeline(Readable.from(chunk(lines)), sink);
    } finally {
      client.release();
    }
  }

  onStatement(listener: Parameters<Silo["onStatement"]>[0]): () => void {
    return this.listeners.add(listener);
  }

  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    return this.listener.listen(channel, handler);
  }

  async close(): Promise<void> {
    await this.listener.close();
    await this.pool.end();
  }
}

// Private: group lines into ~1 MiB writes so COPY is not one syscall per row.
function* chunk(lines: readonly string[]): Generator<string> {
  let buffer = "";
  for (const line of lines) {
    buffer += line + "\n";
    if (buffer.length > 1 << 20) {
      yield buffer;
      buffer = "";
    }
  }
  if (buffer) yield buffer;
}
