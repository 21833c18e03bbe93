// The machine's own limit, as the listener benches measure it: a plain Bun server with nothing behind it that
// answers a POST with bytes held in memory. The benches store each cached article's /api/tts body here
// (`PUT /static/{i}`) and send the cached listeners' very requests (`POST /static/{i}`, the request body drained
// as /api/tts must); what the API serves in the same minutes is then read as a ratio to this. A body is held as a
// Blob, the cheapest way to send bytes from memory with Bun (a Uint8Array is copied for every response), as the
// API's article tier holds it.
const bodies = new Map<string, Blob>();
const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

// Bun's own server, typed here as far as it is used (the project carries no Bun type definitions).
interface BunServe {
  serve(options: { port: number; hostname: string; maxRequestBodySize: number; idleTimeout: number; fetch(request: Request): Promise<Response> }): {
    stop(closeActiveConnections: boolean): Promise<void>;
  };
}
const { Bun } = globalThis as unknown as { Bun: BunServe };

const server = Bun.serve({
  port: Number(process.env.PORT),
  hostname: "127.0.0.1",
  // A PUT carries a whole response body.
  maxRequestBodySize: 64 * 1024 * 1024,
  idleTimeout: 255,
  async fetch(request) {
    const { pathname } = new URL(request.url);
    if (pathname === "/health") return new Response("ok");
    const key = pathname.slice("/static/".length);
    if (request.method === "PUT") {
      bodies.set(key, await request.blob());
      return new Response(null, { status: 204 });
    }
    await request.arrayBuffer();
    const body = bodies.get(key);
    return body ? new Response(body, { headers }) : new Response("no such body", { status: 404 });
  },
});

process.on("SIGTERM", () => {
  void server.stop(true);
  process.exit(0);
});
