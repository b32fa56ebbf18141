// Values go into the cache as JSON. JSON has no Date, and a record read back with
// `updatedAt` as a string would break the DateTimeISO scalar and every comparison, so
// Dates travel tagged ({"$date": ISO}) and come back as Dates, at any depth.

const DATE_TAG = "$date";

export function encodeValue(value: unknown): string {
  return JSON.stringify(value, function (this: Record<string, unknown>, key: string, v: unknown) {
    // The replacer sees v after Date#toJSON ran; the holder still has the Date itself.
    const original = key === "" ? value : this[key];
    return original instanceof Date ? { [DATE_TAG]: original.toISOString() } : v;
  });
}

export function decodeValue<V>(text: string): V {
  return JSON.parse(text, (_key, v: unknown) => {
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      const keys = Object.keys(v);
      const tagged = (v as Record<string, unknown>)[DATE_TAG];
      if (keys.length === 1 && typeof tagged === "string") return new Date(tagged);
    }
    return v;
  }) as V;
}
