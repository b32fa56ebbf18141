// npm run receipt:rotate-keys
// Retires the active receipt-signing key and makes a new one active, in the key file the
// licences service uses (RECEIPT_KEYS_FILE, default DATA_DIR/receipt-keys.json). A running
// licences service publishes the new key within a second and signs with it after
// KEY_PUBLISH_LEAD_SECONDS; the retired key stays published until every receipt it signed
// has expired (lead + RECEIPT_TTL_SECONDS after now).
import "reflect-metadata"; // @onceonly/shared also carries the GraphQL types
import { KEY_PUBLISH_LEAD_SECONDS, readKeyFile, readReceiptKeyConfig, rotateReceiptKeys } from "@onceonly/shared";

const USAGE = "usage: npm run receipt:rotate-keys   (uses RECEIPT_KEYS_FILE / DATA_DIR and RECEIPT_TTL_SECONDS)";

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  if (args.includes("--help")) {
    console.log(USAGE);
    return 0;
  }
  if (args.length > 0) {
    console.error(`receipt:rotate-keys: unexpected argument ${args[0]}\n${USAGE}`);
    return 2;
  }
  const config = readReceiptKeyConfig(process.env);
  const now = new Date();
  const { retired, active } = await rotateReceiptKeys(config, now);
  const signsFrom = new Date(now.getTime() + KEY_PUBLISH_LEAD_SECONDS * 1000).toISOString();
  const until = new Date(now.getTime() + (KEY_PUBLISH_LEAD_SECONDS + config.ttlSeconds) * 1000).toISOString();
  console.log(`${config.keysFile}: new active key ${active}, published now, signing from ${signsFrom}`);
  console.log(`retired ${retired}; published until ${until} (its receipts expire by then)`);
  for (const key of readKeyFile(config.keysFile)?.keys ?? []) {
    console.log(`  ${key.status.padEnd(7)} ${key.kid}  created ${key.createdAt}${key.retiredAt ? `  retired ${key.retiredAt}` : ""}`);
  }
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(`receipt:rotate-keys failed: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
