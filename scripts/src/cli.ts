// Argument parsing shared by the command-line tools: strict (an unknown or malformed
// option is a UsageError, exit 2, never silently ignored) and --help prints the usage.
import { parseArgs } from "node:util";

type Options = Record<string, { type: "string" | "boolean" }>;
type Values<O extends Options> = { [K in keyof O]?: O[K]["type"] extends "boolean" ? boolean : string };

export class UsageError extends Error {}

export function parseCli<O extends Options>(argv: string[], options: O, usage: string): Values<O> {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({ args: argv, options: { ...options, help: { type: "boolean" } }, strict: true, allowPositionals: false }));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  if (values.help) {
    console.log(usage);
    process.exit(0);
  }
  return values as Values<O>;
}
