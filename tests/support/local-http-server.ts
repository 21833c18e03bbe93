// A node:http server of a test's own on a loopback port (free unless `port` is given): stand-ins for the API's
// wire behaviour, sites to import from. close() drops open connections too, so a request left hanging on
// purpose does not keep it alive.
import { createServer, type RequestListener, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface LocalHttpServer {
  /** http://host:port, IPv6 hosts in brackets */
  url: string;
  port: number;
  server: Server;
  close(): Promise<void>;
}

export async function listenLocal(handler: RequestListener, { host = "127.0.0.1", port = 0 } = {}): Promise<LocalHttpServer> {
  const server = createServer(handler);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const bound = (server.address() as AddressInfo).port;
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${bound}`,
    port: bound,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
