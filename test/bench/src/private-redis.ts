// The cached variant's Redis: a redis-server of our own on a free port, started empty and
// stopped with the rest. The machine's shared Redis (6379) is never touched — no flush,
// no keys — so a benchmark cannot disturb a developer's running stack.
import { startChild, waitFor, freePort, type Child } from "./children.js";
import { connect } from "node:net";

export interface PrivateRedis {
  url: string;
  child: Child;
}

export async function startPrivateRedis(): Promise<PrivateRedis> {
  const port = await freePort();
  const child = startChild("redis", "redis-server", ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], {});
  await waitFor(child, `PONG on port ${port}`, () => ping(port), 10_000);
  return { url: `redis://127.0.0.1:${port}`, child };
}

/** Empties OUR Redis (never the shared one), so each gateway starts on a cold cache. */
export async function flushPrivateRedis(redis: PrivateRedis): Promise<void> {
  const port = Number(new URL(redis.url).port);
  if (port === 6379) throw new Error("refusing to flush Redis on 6379: that is the machine's shared Redis");
  const reply = await command(port, "FLUSHALL");
  if (!reply.startsWith("+OK")) throw new Error(`FLUSHALL on the bench Redis answered ${reply.trim()}`);
}

// Private: one inline command, the whole reply as text (INFO replies are small).
function command(port: number, line: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, "127.0.0.1");
    const chunks: Buffer[] = [];
    socket.setTimeout(2000, () => (socket.destroy(), reject(new Error(`redis ${line}: no answer`))));
    socket.once("error", reject);
    socket.once("connect", () => socket.write(`${line}\r\n`));
    socket.on("data", (data) => {
      chunks.push(data);
      const text = Buffer.concat(chunks).toString();
      // A simple reply ("+OK\r\n", "-ERR …\r\n") or a bulk one ("$<length>\r\n<payload>\r\n").
      const header = /^\$(\d+)\r\n/.exec(text);
      const simple = /^[+-][^\r]*\r\n/.test(text);
      if (simple || (header && Buffer.byteLength(text) >= header[0].length + Number(header[1]) + 2)) {
        socket.destroy();
        resolve(text);
      }
    });
  });
}

// Private: one inline PING, so that readiness needs no Redis client here.
function ping(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    socket.setTimeout(1000, () => (socket.destroy(), resolve(false)));
    socket.once("error", () => resolve(false));
    socket.once("connect", () => socket.write("PING\r\n"));
    socket.once("data", (data) => {
      socket.destroy();
      resolve(data.toString().startsWith("+PONG"));
    });
  });
}
