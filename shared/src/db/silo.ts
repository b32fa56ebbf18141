// A silo is one department's database. Subgraph adapters see only this interface, so
// the same SQL runs on PostgreSQL (pg) and embedded PGlite.

export type Row = Record<string, unknown>;

export interface Queryable {
  /** One parameterised statement. `$1…$n` placeholders; never interpolate values. */
  query<R extends Row = Row>(text: string, params?: readonly unknown[]): Promise<R[]>;
}

/** A statement runner bound to one connection inside BEGIN … COMMIT. */
export interface Transaction extends Queryable {
  exec(sql: string): Promise<void>;
}

export interface StatementEvent {
  silo: string;
  text: string;
  params: number;
}

export interface Silo extends Queryable {
  readonly name: string;
  readonly kind: "postgres" | "pglite";
  /** Several statements without parameters: migrations only. */
  exec(sql: string): Promise<void>;
  /** fn must use `tx`, never the silo itself: on PGlite that would wait on itself. */
  transaction<T>(fn: (tx: Transaction) => Promise<T>): Promise<T>;
  /**
   * Bulk load with COPY … FROM STDIN (text format). `lines` are tab-separated rows
   * already escaped by `copyLine`. Used by the seed; PGlite takes it as a blob.
   */
  copyRows(table: string, columns: readonly string[], lines: readonly string[]): Promise<void>;
  /** Observe every statement (tests count them; the report counts silo load). */
  onStatement(listener: (event: StatementEvent) => void): () => void;
  /**
   * LISTEN on a channel (a plain lower-case identifier); `handler` gets each NOTIFY
   * payload. Resolves to an unsubscribe function. Delivery is best effort: on PostgreSQL
   * notifications sent while the listening connection is down are lost.
   */
  listen(channel: string, handler: (payload: string) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** Escapes one row for COPY text format: \N for null, backslash escapes for tab/newline. */
export function copyLine(values: readonly unknown[]): string {
  return values
    .map((v) => {
      if (v === null || v === undefined) return "\\N";
      const s = v instanceof Date ? v.toISOString() : String(v);
      return s.replace(/\\/g, "\\\\").replace(/\t/g, "\\t").replace(/\n/g, "\\n").replace(/\r/g, "\\r");
    })
    .join("\t");
}

/** LISTEN takes an identifier, not a parameter: both adapters accept plain lower-case names only. */
export function assertChannelName(channel: string): void {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(channel)) throw new Error(`channel "${channel}" must match /^[a-z_][a-z0-9_]{0,62}$/`);
}

/** Shared by both adapters: fan a statement out to listeners. */
export class StatementListeners {
  private readonly listeners = new Set<(event: StatementEvent) => void>();

  add(listener: (event: StatementEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(silo: string, text: string, params: readonly unknown[] | undefined): void {
    if (this.listeners.size === 0) return;
    const event = { silo, text, params: params?.length ?? 0 };
    for (const listener of this.listeners) listener(event);
  }
}
