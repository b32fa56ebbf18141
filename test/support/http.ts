// Tiny throwaway HTTP servers for tests (stand-in subgraphs), on port 0, closed together.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export class TestServers {
  private readonly servers: Server[] = [];

  async listen(handler: RequestListener): Promise<string> {
    const server = createServer(handler);
    this.servers.push(server);
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  }

  async closeAll(): Promise<void> {
    await Promise.all(
      this.servers.splice(0).map((s) => new Promise((resolve) => { s.closeAllConnections(); s.close(resolve); })),
    );
  }
}
