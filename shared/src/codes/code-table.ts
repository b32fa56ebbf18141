// A legacy code table (GB/T 2261.1 sex, GB 3304 ethnicity …) mapped to a GraphQL enum.
// Silos keep their national codes; the API speaks enums. A code the table does not know
// does not fail the query: it decodes to UNRECOGNIZED and is logged once per table+code.
import { registerEnumType } from "type-graphql";
import { logger } from "../log.js";

export const UNRECOGNIZED = "UNRECOGNIZED" as const;

export interface CodeEntry<V extends string> {
  code: string;
  value: V;
  label: string; // Simplified Chinese, as the standard writes it
  labelEn: string;
}

export interface CodeTable<V extends string> {
  readonly name: string;
  readonly standard: string;
  /** The enum object handed to type-graphql (values plus UNRECOGNIZED). */
  readonly enum: Record<V | typeof UNRECOGNIZED, V | typeof UNRECOGNIZED>;
  readonly entries: readonly CodeEntry<V>[];
  decode(code: string | null | undefined, context?: Record<string, unknown>): V | typeof UNRECOGNIZED | null;
  encode(value: V): string;
  label(value: V | typeof UNRECOGNIZED): string;
  labelEn(value: V | typeof UNRECOGNIZED): string;
  has(code: string): boolean;
}

const reported = new Set<string>();

export function defineCodeTable<V extends string>(
  name: string,
  standard: string,
  entries: readonly CodeEntry<V>[],
): CodeTable<V> {
  const byCode = new Map(entries.map((e) => [e.code, e]));
  const byValue = new Map(entries.map((e) => [e.value as string, e]));
  const enumObject = Object.fromEntries(
    [...entries.map((e) => e.value), UNRECOGNIZED].map((v) => [v, v]),
  ) as Record<V | typeof UNRECOGNIZED, V | typeof UNRECOGNIZED>;

  registerEnumType(enumObject, {
    name,
    description: `${standard}. Labels: ${entries.map((e) => `${e.value}=${e.label}`).join(", ")}`,
    valuesConfig: Object.fromEntries([
      ...entries.map((e) => [e.value, { description: `${e.label} (${e.labelEn}; code ${e.code})` }]),
      [UNRECOGNIZED, { description: "代码不在代码表中 (the silo holds a code outside the table; see the service log)" }],
    ]) as never,
  });

  return {
    name,
    standard,
    enum: enumObject,
    entries,
    decode(code, context) {
      if (code === null || code === undefined || code === "") return null;
      const entry = byCode.get(code.trim());
      if (entry) return entry.value;
      const key = `${name}:${code}`;
      if (!reported.has(key)) {
        reported.add(key);
        logger.warn({ table: name, standard, code, ...context }, "unrecognized legacy code; returned as UNRECOGNIZED");
      }
      return UNRECOGNIZED;
    },
    encode(value) {
      const entry = byValue.get(value);
      if (!entry) throw new RangeError(`${name}: no code for value ${value}`);
      return entry.code;
    },
    label: (value) => byValue.get(value)?.label ?? "未识别代码",
    labelEn: (value) => byValue.get(value)?.labelEn ?? "unrecognized code",
    has: (code) => byCode.has(code),
  };
}

/** For tests: forget which unknown codes were already logged. */
export function resetUnrecognizedReports(): void {
  reported.clear();
}
