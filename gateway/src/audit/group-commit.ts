// Group commit: appends that arrive while a write is in flight wait and go together in the
// next one, so N concurrent requests cost a handful of transactions, not N. Every
// submitter's promise settles with its own batch: resolved after COMMIT, rejected (all of
// them) when that batch's transaction fails.

export interface GroupCommitStats {
  /** Batches written (one transaction each), failed ones included. */
  batches: number;
  items: number;
  failedBatches: number;
}

interface Waiting<T> {
  item: T;
  resolve(): void;
  reject(error: unknown): void;
}

export class GroupCommit<T> {
  private pending: Waiting<T>[] = [];
  private running: Promise<void> | null = null;
  readonly stats: GroupCommitStats = { batches: 0, items: 0, failedBatches: 0 };

  constructor(
    private readonly write: (batch: T[]) => Promise<void>,
    private readonly maxBatch: number,
  ) {
    if (!Number.isInteger(maxBatch) || maxBatch < 1) throw new RangeError(`maxBatch ${maxBatch} must be a positive integer`);
  }

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.running ??= this.run();
    });
  }

  /** Resolves once everything submitted so far has been written or refused. */
  async drain(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    // One microtask first: appends made in the same tick as the first one join its batch.
    await Promise.resolve();
    try {
      while (this.pending.length > 0) {
        const batch = this.pending.splice(0, this.maxBatch);
        this.stats.batches++;
        this.stats.items += batch.length;
        try {
          await this.write(batch.map((w) => w.item));
          for (const w of batch) w.resolve();
        } catch (error) {
          this.stats.failedBatches++;
          for (const w of batch) w.reject(error);
        }
      }
    } finally {
      this.running = null;
    }
  }
}
