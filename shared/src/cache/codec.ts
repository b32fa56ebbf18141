// Values go into the cache as JSON. JSON has no Date, and a record read back with
// `updatedAt` as a string would break the DateTimeISO scalar and every comparison, so
// Dates travel tagged ({"$date": ISO}) and come back as Dates, at any depth.
//
// Encoding and decoding run on every cache write and hit, so neither uses a JSON
// replacer or reviver: either one takes V8 off its fast path and calls back into
// JavaScript for every value. Dates are tagged by a copy-on-write walk before
// stringify, and only a text that holds a tag is walked after parse.

const DATE_TAG = "$date";
const TAG_TEXT = `"${DATE_TAG}"`;

export function encodeValue(value: unknown): string {
  return JSON.stringify(tagDates(value));
}

export function decodeValue<V>(text: string): V {
  const value: unknown = JSON.parse(text);
  return (text.includes(TAG_TEXT) ? reviveDates(value) : value) as V;
}

// Private: the value with every Date replaced by its tag; objects and arrays holding none are
// returned as they are (no copy). An object with its own toJSON is left to it, as stringify would.
function tagDates(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (value instanceof Date) return { [DATE_TAG]: value.toISOString() };
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const tagged = tagDates(value[i]);
      if (tagged !== value[i]) (copy ??= value.slice())[i] = tagged;
    }
    return copy ?? value;
  }
  if (typeof (value as { toJSON?: unknown }).toJSON === "function") return value;
  let copy: Record<string, unknown> | null = null;
  for (const key of Object.keys(value)) {
    const item = (value as Record<string, unknown>)[key];
    const tagged = tagDates(item);
    if (tagged !== item) define((copy ??= { ...(value as Record<string, unknown>) }), key, tagged);
  }
  return copy ?? value;
}

// Private: the parsed value with every tag turned back into a Date, in place.
function reviveDates(value: unknown): unknown {
  if (value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) value[i] = reviveDates(value[i]);
    return value;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record);
  if (keys.length === 1 && keys[0] === DATE_TAG && typeof record[DATE_TAG] === "string") return new Date(record[DATE_TAG]);
  for (const key of keys) {
    const item = record[key];
    const revived = reviveDates(item);
    if (revived !== item) define(record, key, revived);
  }
  return record;
}

// Private: an own data property even for the key "__proto__", which plain assignment would
// turn into a prototype change (JSON.parse makes it an ordinary own property).
function define(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === "__proto__") Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}
