// DataLoader's contract: a batch returns exactly keys.length results, in key order.
// SQL returns rows in any order and omits missing keys; these put them back.

/** One result per key, null for a key without a row. */
export function alignOne<K, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): (T | null)[] {
  const byKey = new Map<K, T>();
  for (const item of items) byKey.set(keyOf(item), item);
  return keys.map((key) => byKey.get(key) ?? null);
}

/** A list per key (empty for a key without rows), keeping the rows' order within a key. */
export function alignMany<K, T>(keys: readonly K[], items: readonly T[], keyOf: (item: T) => K): T[][] {
  const byKey = new Map<K, T[]>();
  for (const item of items) {
    const list = byKey.get(keyOf(item));
    if (list) list.push(item);
    else byKey.set(keyOf(item), [item]);
  }
  return keys.map((key) => byKey.get(key) ?? []);
}
