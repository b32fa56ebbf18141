// Embedded PGlite: the zero-install default. Same SQL and migrations as PostgreSQL.
import { cp, mkdir, stat } from "node:fs/promises";
import { dirname } from "node:path";
import { PGlite, types as pgliteTypes } from "@electric-sql/pglite";
import { assertChannelName, StatementListeners, type Transaction, type Row, type Silo } from "./silo.js";

// Same conversions as the pg adapter: DATE as "YYYY-MM-DD", int8 as number.
const parsers = {
  [pgliteTypes.DATE]: (v: string) => v,
  [pgliteTypes.INT8]: (v: string) => Number(v),
};

export class PgliteSilo implements Silo {
  readonly kind = "pglite" as const;
  private readonly listeners = new StatementListeners();
  // PGlite is one connection: transactions must not interleave with other statements.
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly name: string,
    private readonly db: PGlite,
  ) {}

  /**
   * Opens (or creates) a PGlite data directory. `dataDir` undefined = in memory.
   * Creating a cluster costs 4-7 s of WASM initdb; when `template` names an already
   * initialised (empty) data directory, a new silo starts as a copy of it (~0.6 s).
   */
  static async open(name: string, dataDir?: string, template?: string): Promise<PgliteSilo> {
    if (dataDir && template && !(await exists(dataDir)) && (await exists(template))) {
      await mkdir(dirname(dataDir), { recursive: true });
      await cp(template, dataDir, { recursive: true });
    }
    if (dataDir) await mkdir(dirname(dataDir), { recursive: true });
    const db = await PGlite.create({ dataDir, parsers });
    return new PgliteSilo(name, db);
  }

  /** Creates an empty, initialised data directory to copy silos from. */
  static async createTemplate(dir: string): Promise<void> {
    if (await exists(dir)) return;
    await mkdir(dirname(dir), { recursive: true }); // a fresh clone has no .data/ yet
    const partial = `${dir}.partial-${process.pid}`;
    const db = await PGlite.create({ dataDir: partial });
    await db.close();
    await cp(partial, dir, { recursive: true });
    const { rm } = await import("node:fs/promises");
    await rm(partial, { recursive: true, force: true });
  }

  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]> {
    return this.serial(async () => {
      this.listeners.emit(this.name, text, params);
      return (await this.db.query<R>(text, params as unknown[] | undefined)).rows;
    });
  }

  exec(sql: string): Promise<void> {
    return this.serial(async () => {
      this.listeners.emit(this.name, sql, undefined);
      await this.db.exec(sql);
    });
  }

  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T> {
    return this.serial(() =>
      this.db.transaction(async (inner) => {
        const tx: Transaction = {
          exec: async (sql: string) => {
            this.listeners.emit(this.name, sql, undefined);
            await inner.exec(sql);
          },
          query: async <R extends Row = Row>(text: string, params?: readonly unknown[]) => {
            this.listeners.emit(this.name, text, params);
            return (await inner.query<R>(text, params as unknown[] | undefined)).rows;
          },
        };
        return fn(tx);
      }),
    );
  }

  copyRows(table: string, columns: readonly string[], lines: readonly string[]): Promise<void> {
    return this.serial(async () => {
      const sql = `COPY ${table} (${columns.join(", ")}) FROM '/dev/blob'`;
      this.listeners.emit(this.name, sql, undefined);
      const blob = new Blob([lines.join("\n") + "\n"]);
      await this.db.query(sql, [], { blob });
    });
  }

  onStatement(listener: Parameters<Silo["onStatement"]>[0]): () => void {
    return this.listeners.add(listener);
  }

  async listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>> {
    assertChannelName(channel);
    // One process, one connection: NOTIFY is delivered after the notifying statement commits.
    const unlisten = await this.serial(() => this.db.listen(channel, handler));
    return () => this.serial(() => unlisten());
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await this.db.close();
  }

  // Private: chain work so a transaction's statements are never interleaved.
  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
