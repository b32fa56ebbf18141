// npm run receipt:verify -- --receipt <JWS | @file> --jwks <file | http(s) URL> [--max-age SECONDS]
// Checks a verification receipt offline: only the receipt and the published keys (a saved
// copy of the gateway's /.well-known/jwks.json, or its URL). Exit 0 valid, 1 not, 2 usage.
import "reflect-metadata"; // @onceonly/shared also carries the GraphQL types
import { readFile } from "node:fs/promises";
import { verifyReceipt, type JWK, type ReceiptFailureReason } from "@onceonly/shared";
import { parseCli, UsageError } from "./cli.js";

const USAGE = "usage: npm run receipt:verify -- --receipt <JWS or @file> --jwks <file or http(s) URL> [--max-age SECONDS]";


const FAILURES: Record<ReceiptFailureReason, [zh: string, en: string]> = {
  malformed: ["回执格式错误，不是本系统签发的核验回执", "Malformed: not a verification receipt"],
  "unknown-key": ["签名密钥不在公布的公钥集中（非本系统签发，或密钥已退役且其回执均已过期）", "Unknown key: not in the published key set"],
  "bad-signature": ["签名不符：回执内容被改动过", "Bad signature: the receipt was altered"],
  expired: ["回执已过期", "Expired: the receipt is past its lifetime"],
  "too-old": ["回执签发时间超过允许时长", "Too old: issued longer ago than --max-age allows"],
};

async function parse(argv: string[]) {
  const values = parseCli(argv, { receipt: { type: "string" }, jwks: { type: "string" }, "max-age": { type: "string" } } as const, USAGE);
  if (!values.receipt) throw new UsageError("--receipt is required");
  if (!values.jwks) throw new UsageError("--jwks is required");
  const maxAgeRaw = values["max-age"];
  if (maxAgeRaw !== undefined && !/^\d+$/.test(maxAgeRaw)) throw new UsageError(`--max-age "${maxAgeRaw}" must be a whole number of seconds`);
  const receipt = values.receipt.startsWith("@") ? await readText(values.receipt.slice(1)) : values.receipt;
  return { receipt: receipt.trim(), jwks: await loadJwks(values.jwks), maxAgeSeconds: maxAgeRaw === undefined ? undefined : Number(maxAgeRaw) };
}

async function readText(path: string): Promise<string> {
  try {
    return await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read ${path}: ${(error as Error).message}`);
  }
}

async function loadJwks(source: string): Promise<{ keys: JWK[] }> {
  let text: string;
  if (/^https?:\/\//.test(source)) {
    try {
      const response = await fetch(source, { signal: AbortSignal.timeout(10_000) });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      text = await response.text();
    } catch (error) {
      throw new UsageError(`cannot fetch the key set from ${source}: ${(error as Error).message}`);
    }
  } else {
    text = await readText(source);
  }
  try {
    const jwks = JSON.parse(text) as { keys?: unknown };
    if (!Array.isArray(jwks.keys)) throw new Error("no keys array");
    return jwks as { keys: JWK[] };
  } catch (error) {
    throw new UsageError(`${source} is not a JWKS ({"keys": [...]}): ${(error as Error).message}`);
  }
}

async function main(): Promise<number> {
  let args;
  try {
    args = await parse(process.argv.slice(2));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`receipt:verify: ${error.message}\n${USAGE}`);
    return 2;
  }
  const result = await verifyReceipt(args.receipt, args.jwks, { maxAgeSeconds: args.maxAgeSeconds });
  if (!result.ok) {
    const [zh, en] = FAILURES[result.reason];
    console.log(`INVALID (${result.reason})`);
    console.log(`回执无效：${zh}。`);
    console.log(`Receipt invalid — ${en}. ${result.message}`);
    return 1;
  }
  const { claims } = result;
  const licence = claims.licenseId ?? `${claims.typeCode ?? "?"} / ?`;
  console.log(`VALID (key ${result.kid})`);
  console.log(`回执有效：证照 ${licence} 于 ${claims.checkedAt} 核验结论为 ${claims.outcome}，回执有效期至 ${result.expiresAt.toISOString()}。`);
  console.log(`Receipt valid: licence ${licence} was verified ${claims.outcome} at ${claims.checkedAt}; the receipt expires ${result.expiresAt.toISOString()}.`);
  console.log(JSON.stringify(claims, null, 2));
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`receipt:verify failed: ${(error as Error).stack ?? String(error)}`);
    process.exitCode = 2;
  },
);
