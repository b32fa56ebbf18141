// Silo.listen on both engines: NOTIFY payloads arrive after the commit, unsubscribing
// stops them, and a bad channel name is refused before any SQL (LISTEN takes no parameters).
import { mkdtemp } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENGINES, openTestSilo, type TestSilo } from "../../test/support/silos.js";

const until = async (check: () => boolean, ms = 2000) => {
  const deadline = Date.now() + ms;
  while (!check() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
};

describe.each(ENGINES)("Silo.listen on %s", (engine) => {
  let test: TestSilo;
  beforeAll(async () => {
    test = await openTestSilo(engine, "listen", await mkdtemp(join(tmpdir(), "onceonly-no-migrations-")));
  });
  afterAll(() => test?.dispose());

  it("delivers payloads after the commit, not after unsubscribing", async () => {
    const received: string[] = [];
    const unlisten = await test.silo.listen("onceonly_test_channel", (payload) => received.push(payload));
    await test.silo.transaction(async (tx) => {
      await tx.query("SELECT pg_notify('onceonly_test_channel', $1)", ["in-tx"]);
      await new Promise((r) => setTimeout(r, 50));
      expect(received).toEqual([]); // not before COMMIT
    });
    await until(() => received.length === 1);
    expect(received).toEqual(["in-tx"]);

    await unlisten();
    await test.silo.query("SELECT pg_notify('onceonly_test_channel', 'late')");
    await new Promise((r) => setTimeout(r, 100));
    expect(received).toEqual(["in-tx"]);
  });

  it("refuses a channel that is not a plain identifier", async () => {
    await expect(test.silo.listen("x; DROP TABLE y", () => undefined)).rejects.toThrow(/must match/);
  });
});
