#!/usr/bin/env node
// The web app's HTTP server: Next.js through its programmatic API, run by scripts/start.mjs in place of
// `next start`. It exists for one rule Next cannot keep: a route handler never sees the socket, and Next fills
// X-Forwarded-For only when a request arrives without one, so a browser's own header would reach the API as
// the reader's address and pick its rate limit and quota bucket. Here every forwarding header a client wrote
// is dropped before Next sees the request, and X-Forwarded-For is set to the one address we vouch for
// (scripts/client-address.mjs). Settings: PORT (3000), HOST (0.0.0.0), WEB_TRUST_PROXY (none), NEXT_DIST_DIR, and
// WEB_DEV=1 (set by `npm run dev`) for Next's dev server instead of the production build.
import { createServer } from "node:http";
import { resolve } from "node:path";
import { clientAddress, parseTrustedProxies } from "./client-address.mjs";
import { isFeedRequest, proxyFeed } from "./feed-proxy.mjs";

// Only a front proxy we trust may tell us the scheme and host the browser used; anyone else's say is dropped.
const FORWARDING_HEADERS = ["x-forwarded-for", "x-real-ip", "forwarded"];
const PROXY_ONLY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"];

let trusted;
try {
  trusted = parseTrustedProxies(process.env.WEB_TRUST_PROXY ?? "");
} catch (error) {
  console.error(`[web] Invalid environment:\n  WEB_TRUST_PROXY: ${error.message}`);
  process.exit(1);
}
const port = Number(process.env.PORT || 3000);
const hostname = process.env.HOST || "0.0.0.0";

const dev = process.env.WEB_DEV === "1";
const apiUrl = process.env.API_URL || `http://127.0.0.1:${process.env.API_PORT || 3001}`;
// As `next start` and `next dev` do; set before Next is loaded, which reads it.
process.env.NODE_ENV = dev ? "development" : "production";
const { default: next } = await import("next");
const app = next({ dev, dir: resolve(import.meta.dirname, ".."), hostname, port });
await app.prepare();
const handle = app.getRequestHandler();

const server = createServer((req, res) => {
  const peer = req.socket.remoteAddress;
  const fromTrustedProxy = trusted.isTrusted(peer ?? "");
  const client = clientAddress({ peer, forwardedFor: req.headers["x-forwarded-for"]?.toString(), trusted });
  for (const name of FORWARDING_HEADERS) delete req.headers[name];
  if (!fromTrustedProxy) for (const name of PROXY_ONLY_HEADERS) delete req.headers[name];
  if (client) req.headers["x-forwarded-for"] = client;
  if (isFeedRequest(req)) return proxyFeed(req, res, { apiUrl, secure: fromTrustedProxy && req.headers["x-forwarded-proto"] === "https" });
  handle(req, res).catch((error) => {
    console.error("[web] request failed", error);
    if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
    res.end(JSON.stringify({ error: "Something went wrong on our side", code: "INTERNAL" }));
  });
});

server.listen(port, hostname, () => console.log(`[web] ready on http://${hostname}:${port}`));

function stop() {
  server.close(() => process.exit(0));
  server.closeAllConnections();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
