// The API as production builds it (compose + createApp from the environment), plus one route that answers
// with bytes held in memory as a plain static Response: the baseline of the article-cache-hit benchmark.
// `PUT /__bench/static` stores a body; `POST /__bench/static` drains the request body (as /api/tts must) and
// answers with the stored bytes; `GET /__bench/static` answers with them without a request body.
import { createApp } from "@/server/app";
import { compose } from "@/server/compose";
import { loadEnv } from "@/server/env";
import { configureLogging } from "@/server/logger";

const env = loadEnv();
configureLogging(env.LOG_LEVEL);
const composition = compose(env);
// A Blob, as the article tier holds a body: the cheapest way to send bytes from memory with Bun.
let stored = new Blob([]);
const staticHeaders = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-store" };

const app = createApp(composition.options)
  .put("/__bench/static", async ({ request }) => {
    stored = await request.blob();
    return new Response(null, { status: 204 });
  })
  .post(
    "/__bench/static",
    async ({ request }) => {
      await request.arrayBuffer();
      return new Response(stored, { headers: staticHeaders });
    },
    { parse: "none" },
  )
  .get("/__bench/static", () => new Response(stored, { headers: staticHeaders }))
  // The PUT carries a whole response body (13 MB for a 20-minute article).
  .listen({ port: env.API_PORT, hostname: "127.0.0.1", maxRequestBodySize: 64 * 1024 * 1024, idleTimeout: 255 });

process.on("SIGTERM", () => {
  void app
    .stop()
    .then(() => composition.close())
    .then(() => process.exit(0));
});
